import { sql } from 'kysely';
import { z } from 'zod';
import type { Deps } from '../deps';
import type { App } from './fastify-types';

/** Health check and the OpenAPI document. */
export async function systemRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/healthz',
    {
      config: { policy: { access: 'public' } },
      schema: {
        hide: true,
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async () => {
      await sql`select 1`.execute(deps.db.kysely);
      return { status: 'ok' as const, database: deps.db.dialect };
    },
  );

  app.get('/api/openapi.json', { config: { policy: { access: 'public' } }, schema: { hide: true } }, async () => app.swagger());
}
