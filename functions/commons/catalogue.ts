import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Catalogue, loadCatalogue } from '#lib/catalogue.ts';
import { catalogueFromJson, KATALOG_JSON } from '#lib/data/catalogue-json.ts';
import { defaultConfigDir } from '#lib/data/config-dir.ts';

/**
 * The SOPs, agencies and Perjanjian Kinerja, loaded once. A deployed function reads the catalogue the CDK
 * app checked and wrote beside its bundle (config/katalog.json; LAKIP_KATALOG is defined as 'json' at
 * bundling, so the YAML loader and its schemas are left out of the bundle); the local runtime and tests
 * load and check the YAML files (LAKIP_CONFIG_DIR).
 */
const catalogues = new Map<string, Catalogue>();

export function getCatalogue(): Catalogue {
  const key = process.env.LAKIP_CONFIG_DIR ?? '';
  let cat = catalogues.get(key);
  if (!cat) {
    const dir = defaultConfigDir();
    cat =
      process.env.LAKIP_KATALOG === 'json'
        ? catalogueFromJson(readFileSync(join(dir, KATALOG_JSON), 'utf8'), dir)
        : loadCatalogue(dir);
    catalogues.set(key, cat);
  }
  return cat;
}

/** For tests: forget loaded catalogues. */
export function resetCatalogues(): void {
  catalogues.clear();
}
