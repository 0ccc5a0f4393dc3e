import { auditEventSchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { toNumber } from '../../platform/db/connect.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, pageOf, pagingQuery } from '../../platform/http/schemas.js';

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        preValidation: authorize('audit.read'),
        schema: {
          tags: ['audit'],
          summary: 'The audit trail, newest first (administrators)',
          querystring: z.object({
            actor: z.string().uuid().optional(),
            action: z.string().max(60).optional(),
            entityType: z.string().max(60).optional(),
            entityId: z.string().max(100).optional(),
            outcome: z.enum(['success', 'failure', 'denied']).optional(),
            from: z.iso.datetime({ offset: true }).optional(),
            to: z.iso.datetime({ offset: true }).optional(),
            ...pagingQuery,
          }),
          response: { 200: pageOf(auditEventSchema), ...errorResponses },
        },
      },
      async (req) => {
        const f = req.query;
        let q = deps.db
          .selectFrom('audit_events')
          .leftJoin('users', 'users.id', 'audit_events.actor_user_id');
        if (f.actor) q = q.where('audit_events.actor_user_id', '=', f.actor);
        if (f.action)
          q = q.where(
            'audit_events.action',
            f.action.endsWith('.') ? 'like' : '=',
            f.action.endsWith('.') ? `${f.action}%` : f.action,
          );
        if (f.entityType) q = q.where('audit_events.entity_type', '=', f.entityType);
        if (f.entityId) q = q.where('audit_events.entity_id', '=', f.entityId);
        if (f.outcome) q = q.where('audit_events.outcome', '=', f.outcome);
        if (f.from) q = q.where('audit_events.occurred_at', '>=', new Date(f.from).toISOString());
        if (f.to) q = q.where('audit_events.occurred_at', '<', new Date(f.to).toISOString());
        const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
        const rows = await q
          .selectAll('audit_events')
          .select('users.username')
          .orderBy('audit_events.seq', 'desc')
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize)
          .execute();
        const actor = actorOf(req);
        await inTransaction(deps, actor, requestMeta(req), (_trx, audit) =>
          audit({
            action: 'audit.read',
            details: { filters: Object.keys(f).filter((k) => k !== 'page' && k !== 'pageSize') },
          }),
        );
        return {
          items: rows.map((r) => ({
            seq: Number(r.seq),
            id: r.id,
            occurredAt: r.occurred_at,
            actorUserId: r.actor_user_id,
            actorUsername: r.username,
            actorAgencyId: r.actor_agency_id,
            action: r.action,
            entityType: r.entity_type,
            entityId: r.entity_id,
            requestId: r.request_id,
            ip: r.ip,
            outcome: r.outcome,
            details: JSON.parse(r.details) as Record<string, unknown>,
          })),
          total: toNumber(total?.n as string | number | undefined),
          page: f.page,
          pageSize: f.pageSize,
        };
      },
    );
  };
}
