import { OPERATOR_ROUTES } from '#lib/http/operator-routes.ts';
import '../commons/ports/store.ts';
import '../commons/ports/workflow.ts';
import { getCatalogue } from '../commons/catalogue.ts';
import { httpHandler } from '../commons/http.ts';
import { getPorts } from '../commons/ports.ts';

/**
 * The operators' routes (`operator`): start and resume cycles, list tasks, read timelines. API Gateway
 * lets only IAM-signed requests through (provincial IT); this is the only function that starts executions.
 */
export const handler = httpHandler('operator', OPERATOR_ROUTES, { ports: getPorts, catalogue: getCatalogue });
