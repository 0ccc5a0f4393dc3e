import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { readUpload } from '../attachments/attachment.http.js';
import { deleteDocument, downloadDocument, listDocuments, uploadDocument } from './document.service.js';

const documentSchema = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  filename: z.string().nullable(),
  mime: z.string(),
  size: z.number().int(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
const docParams = z.object({ id: z.string().uuid(), documentId: z.string().uuid() });

/** RFC 6266 filename for Content-Disposition, safe for any characters. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function documentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases/:id/documents',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['documents'],
          summary: 'Documents of a case (names for the case team only)',
          params: idParams,
          response: { 200: z.object({ items: z.array(documentSchema) }), ...errorResponses },
        },
      },
      async (req) => listDocuments(deps, actorOf(req), req.params.id),
    );
    app.post(
      '/cases/:id/documents',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['documents'],
          summary:
            'Attach a file (multipart field `file`, optional field `personId`): PDF, image or office document, stored encrypted',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 201: documentSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const upload = await readUpload(req);
        const personId = upload.fields.personId || null;
        if (personId && !z.string().uuid().safeParse(personId).success)
          throw errors.validation({ personId: 'invalid_uuid' });
        return reply
          .status(201)
          .send(
            await uploadDocument(
              deps,
              actorOf(req),
              requestMeta(req),
              req.params.id,
              { filename: upload.filename, data: upload.data },
              personId,
            ),
          );
      },
    );
    app.get(
      '/cases/:id/documents/:documentId/content',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['documents'],
          summary: 'Download a document (case team; audited)',
          params: docParams,
        },
      },
      async (req, reply) => {
        const file = await downloadDocument(
          deps,
          actorOf(req),
          requestMeta(req),
          req.params.id,
          req.params.documentId,
        );
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', contentDisposition(file.filename))
          .header('x-content-type-options', 'nosniff')
          .send(file.data);
      },
    );
    app.delete(
      '/cases/:id/documents/:documentId',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['documents'],
          summary: 'Remove a document from the case, with a reason (kept for the audit)',
          params: docParams,
          body: z.object({ reason: z.string().trim().min(3).max(500) }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await deleteDocument(
          deps,
          actorOf(req),
          requestMeta(req),
          req.params.id,
          req.params.documentId,
          req.body.reason,
        );
        return reply.status(204).send(null);
      },
    );
  };
}
