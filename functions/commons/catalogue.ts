import { type Catalogue, loadCatalogue } from '#lib/catalogue.ts';

/** The SOPs, agencies and Perjanjian Kinerja (config/ beside the bundle, LAKIP_CONFIG_DIR), loaded once. */
const catalogues = new Map<string, Catalogue>();

export function getCatalogue(): Catalogue {
  const key = process.env.LAKIP_CONFIG_DIR ?? '';
  let cat = catalogues.get(key);
  if (!cat) {
    cat = loadCatalogue();
    catalogues.set(key, cat);
  }
  return cat;
}

/** For tests: forget loaded catalogues. */
export function resetCatalogues(): void {
  catalogues.clear();
}
