import { API_ROUTES } from '#lib/http/api.ts';
import { httpHandler } from '../commons/http.ts';
import { getCatalogue, getPorts } from '../commons/runtime.ts';

/** Both route tables in one function (lib/http/api.ts): for callers of this module; not deployed. */
export const handler = httpHandler('api', API_ROUTES, { ports: getPorts, catalogue: getCatalogue });
