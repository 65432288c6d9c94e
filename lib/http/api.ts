import { OPERATOR_ROUTES } from './operator-routes.ts';
import { PUBLIC_ROUTES } from './public-routes.ts';
import { router } from './router.ts';
import { SIGNING_ROUTES } from './signing-routes.ts';

/**
 * Every route of the one `api` function: the public link routes and the operator routes. They are kept
 * as two tables so that each can be served by its own function, split by trust.
 */
export const API_ROUTES = [...PUBLIC_ROUTES, ...SIGNING_ROUTES, ...OPERATOR_ROUTES];

export const route = router(API_ROUTES);
