import {
  ALERT_STATUSES,
  alertInputSchema,
  alertSchema,
  alertStatusInputSchema,
  alertUpdateSchema,
  preventionActivityInputSchema,
  preventionActivitySchema,
  preventionActivityUpdateSchema,
  preventionRemovalSchema,
  queryInt,
  watchGroupInputSchema,
  watchGroupSchema,
  watchGroupUpdateSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { replyCreated } from '../../platform/idempotency.js';
import {
  changeAlertStatus,
  listAlerts,
  listPreventionActivities,
  listWatchGroups,
  recordPreventionActivity,
  recordWatchGroup,
  reportAlert,
} from './prevention.service.js';
import {
  removePreventionRecord,
  updateAlert,
  updatePreventionActivity,
  updateWatchGroup,
} from './prevention-edit.service.js';

const tags = ['prevention'];
const idempotencyHeader = z.object({ 'idempotency-key': z.string().max(200).optional() });

export function preventionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/prevention/activities',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: 'Outreach and socialisation sessions (sosialisasi, KIE), newest first',
          querystring: z.object({
            villageCode: z.string().max(20).optional(),
            year: queryInt({ min: 2000, max: 2100 }).optional(),
          }),
          response: { 200: z.object({ items: z.array(preventionActivitySchema) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await listPreventionActivities(deps, actorOf(req), req.query) }),
    );
    app.post(
      '/prevention/activities',
      {
        preValidation: authorize('plan.report'),
        schema: {
          tags,
          summary: "Record an outreach session of the caller's agency",
          headers: idempotencyHeader,
          body: preventionActivityInputSchema,
          response: { 201: preventionActivitySchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /prevention/activities', (actor, meta) =>
          recordPreventionActivity(deps, actor, meta, req.body),
        ),
    );
    app.get(
      '/prevention/watch-groups',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: 'Village community-watch groups',
          response: { 200: z.object({ items: z.array(watchGroupSchema) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await listWatchGroups(deps, actorOf(req)) }),
    );
    app.post(
      '/prevention/watch-groups',
      {
        preValidation: authorize('plan.report'),
        schema: {
          tags,
          summary: 'Record a village community-watch group',
          headers: idempotencyHeader,
          body: watchGroupInputSchema,
          response: { 201: watchGroupSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /prevention/watch-groups', (actor, meta) =>
          recordWatchGroup(deps, actor, meta, req.body),
        ),
    );
    app.get(
      '/prevention/alerts',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: 'Recruitment alerts, newest first',
          querystring: z.object({ status: z.enum(ALERT_STATUSES).optional() }),
          response: { 200: z.object({ items: z.array(alertSchema) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await listAlerts(deps, actorOf(req), req.query.status) }),
    );
    app.post(
      '/prevention/alerts',
      {
        preValidation: authorize('plan.report'),
        schema: {
          tags,
          summary: 'Report a suspicious recruitment (social-media post, unlicensed agent, group departure)',
          headers: idempotencyHeader,
          body: alertInputSchema,
          response: { 201: alertSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /prevention/alerts', (actor, meta) =>
          reportAlert(deps, actor, meta, req.body),
        ),
    );
    app.patch(
      '/prevention/alerts/:id',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary:
            'Move an alert along: verified, forwarded to police or BP3MI, closed (with a case number if one was opened)',
          params: idParams,
          body: alertStatusInputSchema,
          response: { 200: alertSchema, ...errorResponses },
        },
      },
      async (req) => changeAlertStatus(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );
    app.put(
      '/prevention/activities/:id',
      {
        preValidation: authorize('plan.report'),
        schema: {
          tags,
          summary: 'Correct an outreach session (its agency or the secretariat); carries the version read',
          params: idParams,
          body: preventionActivityUpdateSchema,
          response: { 200: preventionActivitySchema, ...errorResponses },
        },
      },
      async (req) => updatePreventionActivity(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );
    app.put(
      '/prevention/watch-groups/:id',
      {
        preValidation: authorize('plan.report'),
        schema: {
          tags,
          summary:
            'Correct a watch group (the recording agency or the secretariat); carries the version read',
          params: idParams,
          body: watchGroupUpdateSchema,
          response: { 200: watchGroupSchema, ...errorResponses },
        },
      },
      async (req) => updateWatchGroup(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );
    app.put(
      '/prevention/alerts/:id',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary:
            "Correct an alert's details (the recording agency or the secretariat); the status moves with PATCH",
          params: idParams,
          body: alertUpdateSchema,
          response: { 200: alertSchema, ...errorResponses },
        },
      },
      async (req) => updateAlert(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );
    // Removal with a reason works alike for the three kinds of record (an alert, like its report,
    // is open to every agency of the task force; the service decides who may remove which).
    for (const [path, table, permission, summary] of [
      [
        '/prevention/activities/:id',
        'prevention_activities',
        'plan.report',
        'Remove an outreach session entered by mistake, with a reason (kept, hidden everywhere)',
      ],
      [
        '/prevention/watch-groups/:id',
        'watch_groups',
        'plan.report',
        'Remove a watch group entered by mistake or disbanded, with a reason',
      ],
      [
        '/prevention/alerts/:id',
        'recruitment_alerts',
        'taskforce.read',
        'Remove an alert entered by mistake or twice, with a reason',
      ],
    ] as const)
      app.delete(
        path,
        {
          preValidation: authorize(permission),
          schema: {
            tags,
            summary,
            params: idParams,
            body: preventionRemovalSchema,
            response: { 204: z.null(), ...errorResponses },
          },
        },
        async (req, reply) => {
          await removePreventionRecord(deps, actorOf(req), requestMeta(req), table, req.params.id, req.body);
          return reply.status(204).send(null);
        },
      );
  };
}
