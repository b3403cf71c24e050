import type { Deps } from '../../deps';
import type { App } from '../../http/fastify-types';

/** Pupils of a school and the CSV import. */
export async function pupilsRoutes(_app: App, _deps: Deps): Promise<void> {}
