import {
  decreeInputSchema,
  decreeSchema,
  decreeUpdateSchema,
  focalPersonInputSchema,
  focalPersonSchema,
  focalPersonUpdateSchema,
  memberSchema,
  membershipSchema,
  memberUpdateSchema,
  subTaskForceInputSchema,
  subTaskForceSchema,
  subTaskForceUpdateSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { replyCreated } from '../../platform/idempotency.js';
import { readUpload, sendFile } from '../attachments/attachment.http.js';
import { downloadDecreeFile, uploadDecreeFile } from './decree-file.service.js';
import { createDecree, getMembership, updateDecree } from './membership.service.js';
import {
  createFocalPerson,
  createSubTaskForce,
  updateFocalPerson,
  updateMember,
  updateSubTaskForce,
} from './structure.service.js';

const tags = ['task force membership'];
const idempotencyHeader = z.object({ 'idempotency-key': z.string().max(200).optional() });
const decreeParams = idParams.extend({ decreeId: z.string().uuid() });
const subParams = idParams.extend({ subId: z.string().uuid() });
const agencyParams = idParams.extend({ agencyId: z.string().uuid() });
const focalParams = idParams.extend({ focalId: z.string().uuid() });

export function membershipRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/taskforces/:id/membership',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: 'Decrees (and the one in force), sub-task forces, member agencies and focal persons',
          params: idParams,
          response: { 200: membershipSchema, ...errorResponses },
        },
      },
      async (req) => getMembership(deps, actorOf(req), req.params.id),
    );

    app.post(
      '/taskforces/:id/decrees',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: 'Record a decree (SK Bupati) forming or changing the task force',
          params: idParams,
          headers: idempotencyHeader,
          body: decreeInputSchema,
          response: { 201: decreeSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /taskforces/:id/decrees', (actor, meta) =>
          createDecree(deps, actor, meta, req.params.id, req.body),
        ),
    );
    app.patch(
      '/taskforces/:id/decrees/:decreeId',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: 'Correct a decree; carries the version read',
          params: decreeParams,
          body: decreeUpdateSchema,
          response: { 200: decreeSchema, ...errorResponses },
        },
      },
      async (req) =>
        updateDecree(deps, actorOf(req), requestMeta(req), req.params.id, req.params.decreeId, req.body),
    );

    app.put(
      '/taskforces/:id/decrees/:decreeId/file',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary:
            'Upload the signed decree (multipart field `file`: PDF or image) or replace the one uploaded before; stored encrypted',
          params: decreeParams,
          consumes: ['multipart/form-data'],
          response: { 200: decreeSchema, ...errorResponses },
        },
      },
      async (req) => {
        const file = await readUpload(req);
        return uploadDecreeFile(
          deps,
          actorOf(req),
          requestMeta(req),
          req.params.id,
          req.params.decreeId,
          file,
        );
      },
    );
    app.get(
      '/taskforces/:id/decrees/:decreeId/files/:fileId/content',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: 'Download the decree file (users of the task force; audited)',
          params: decreeParams.extend({ fileId: z.string().uuid() }),
        },
      },
      async (req, reply) =>
        sendFile(
          reply,
          await downloadDecreeFile(
            deps,
            actorOf(req),
            requestMeta(req),
            req.params.id,
            req.params.decreeId,
            req.params.fileId,
          ),
        ),
    );

    app.post(
      '/taskforces/:id/sub-task-forces',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: 'Add a sub-task force',
          params: idParams,
          headers: idempotencyHeader,
          body: subTaskForceInputSchema,
          response: { 201: subTaskForceSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /taskforces/:id/sub-task-forces', (actor, meta) =>
          createSubTaskForce(deps, actor, meta, req.params.id, req.body),
        ),
    );
    app.patch(
      '/taskforces/:id/sub-task-forces/:subId',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: 'Rename a sub-task force or change its lead agency',
          params: subParams,
          body: subTaskForceUpdateSchema,
          response: { 200: subTaskForceSchema, ...errorResponses },
        },
      },
      async (req) =>
        updateSubTaskForce(deps, actorOf(req), requestMeta(req), req.params.id, req.params.subId, req.body),
    );

    app.put(
      '/taskforces/:id/members/:agencyId',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: "Set a member agency's position and sub-task forces (version 0 for the first time)",
          params: agencyParams,
          body: memberUpdateSchema,
          response: { 200: memberSchema, ...errorResponses },
        },
      },
      async (req) =>
        updateMember(deps, actorOf(req), requestMeta(req), req.params.id, req.params.agencyId, req.body),
    );

    app.post(
      '/taskforces/:id/members/:agencyId/focal-persons',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: 'Name a focal person for a member agency',
          params: agencyParams,
          headers: idempotencyHeader,
          body: focalPersonInputSchema,
          response: { 201: focalPersonSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(
          deps,
          req,
          reply,
          'POST /taskforces/:id/members/:agencyId/focal-persons',
          (actor, meta) => createFocalPerson(deps, actor, meta, req.params.id, req.params.agencyId, req.body),
        ),
    );
    app.patch(
      '/taskforces/:id/focal-persons/:focalId',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: 'Change or retire a focal person; carries the version read',
          params: focalParams,
          body: focalPersonUpdateSchema,
          response: { 200: focalPersonSchema, ...errorResponses },
        },
      },
      async (req) =>
        updateFocalPerson(deps, actorOf(req), requestMeta(req), req.params.id, req.params.focalId, req.body),
    );
  };
}
