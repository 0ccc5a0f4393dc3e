import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { pingDatabase } from '../../platform/db/connect.js';
import { pendingMigrations } from '../../platform/db/migrate.js';

export function systemRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['system'],
          summary: 'The process is up',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/ready',
      {
        schema: {
          tags: ['system'],
          summary: 'The database is reachable and its migrations are current',
          response: {
            200: z.object({ status: z.literal('ready'), database: z.enum(['sqlite', 'postgres']) }),
            503: z.object({
              status: z.literal('not_ready'),
              database: z.enum(['sqlite', 'postgres']),
              reason: z.string(),
            }),
          },
        },
      },
      async (_req, reply) => {
        if (!(await pingDatabase(deps.db)))
          return reply
            .status(503)
            .send({ status: 'not_ready', database: deps.dbKind, reason: 'database_unreachable' });
        const pending = await pendingMigrations(deps.db).catch(() => ['unknown']);
        if (pending.length)
          return reply
            .status(503)
            .send({ status: 'not_ready', database: deps.dbKind, reason: 'migrations_pending' });
        return { status: 'ready' as const, database: deps.dbKind };
      },
    );
  };
}
