import { letterheadInputSchema, letterheadSchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { readUpload, sendFile } from '../attachments/attachment.http.js';
import {
  downloadLetterheadLogo,
  getLetterhead,
  saveLetterhead,
  uploadLetterheadLogo,
} from './letterhead.service.js';

const tags = ['task force membership'];

/** The letterhead (kop surat) and the letter-number pattern of a task force. */
export function letterheadRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/taskforces/:id/letterhead',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: 'The letterhead printed on the task force’s letters, and the letter-number pattern',
          params: idParams,
          response: { 200: letterheadSchema, ...errorResponses },
        },
      },
      async (req) => getLetterhead(deps, actorOf(req), req.params.id),
    );
    app.put(
      '/taskforces/:id/letterhead',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary:
            'Save the letterhead and the pattern of invitation numbers ({seq}, {seq3}, {roman_month}, {month}, {year}); carries the version read (0 the first time)',
          params: idParams,
          body: letterheadInputSchema,
          response: { 200: letterheadSchema, ...errorResponses },
        },
      },
      async (req) => saveLetterhead(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );
    app.put(
      '/taskforces/:id/letterhead/logo',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: 'Upload or replace the letterhead logo (multipart field `file`: PNG or JPEG)',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 200: letterheadSchema, ...errorResponses },
        },
      },
      async (req) => {
        const file = await readUpload(req);
        return uploadLetterheadLogo(deps, actorOf(req), requestMeta(req), req.params.id, file);
      },
    );
    app.get(
      '/taskforces/:id/letterhead/logo',
      {
        preValidation: authorize('taskforce.read'),
        schema: { tags, summary: 'The letterhead logo', params: idParams },
      },
      async (req, reply) =>
        sendFile(reply, await downloadLetterheadLogo(deps, actorOf(req), requestMeta(req), req.params.id)),
    );
  };
}
