import './ports/store.ts';
import './ports/blobs.ts';
import './ports/workflow.ts';
import './ports/mailer.ts';
import { resetCatalogues } from './catalogue.ts';
import { resetPorts } from './ports.ts';

/**
 * Every port and the catalogue, for code that wants them all (functions/api, tests, tools). Deployed
 * handlers import functions/commons/ports.ts with only the port modules they use, to keep their bundles
 * and cold starts small (bench/bundles.ts).
 */
export { getCatalogue } from './catalogue.ts';
export { eachPorts, getPorts } from './ports.ts';

/** For the local runtime and tests: forget cached ports and catalogues. */
export function resetRuntime(): void {
  resetPorts();
  resetCatalogues();
}
