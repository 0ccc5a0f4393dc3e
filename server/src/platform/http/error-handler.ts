import { ERROR_MESSAGES, type ErrorCode, fieldMessage, type Language, localizeIssues } from '@sinergi/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { requestLanguage } from './request-context.js';
import { RequestValidationError } from './validation.js';

function body(
  code: ErrorCode,
  lang: Language,
  requestId: string,
  extra: { fields?: Record<string, string>; current?: unknown } = {},
) {
  return { error: { code, message: ERROR_MESSAGES[code][lang], ...extra }, requestId };
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const lang = requestLanguage(req);
  const fields = err.fieldKeys
    ? Object.fromEntries(Object.entries(err.fieldKeys).map(([f, key]) => [f, fieldMessage(key, lang)]))
    : undefined;
  return reply.status(err.status).send(
    body(err.code, lang, req.id, {
      ...(fields ? { fields } : {}),
      ...(err.current !== undefined ? { current: err.current } : {}),
    }),
  );
}

/**
 * A path the router cannot even read (bad percent-encoding, a parameter past its length): the
 * API's error shape and request id, never the framework's own body echoing the address.
 */
export function sendMalformedUrl(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lang = requestLanguage(req);
  return reply
    .status(400)
    .header('x-request-id', req.id)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(body('validation_failed', lang, req.id, { fields: { _: fieldMessage('invalid_format', lang) } }));
}

/** One error shape for the whole API; a 500 reveals nothing, the log keeps the cause. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const lang = requestLanguage(req);
    if (error instanceof AppError) return sendError(req, reply, error);
    if (error instanceof RequestValidationError) {
      return reply
        .status(400)
        .send(body('validation_failed', lang, req.id, { fields: localizeIssues(error.issues, lang) }));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return reply.status(413).send(body('payload_too_large', lang, req.id));
    if (status === 429) return reply.status(429).send(body('rate_limited', lang, req.id));
    // Any other refusal by the framework or a plugin (bad JSON, wrong content type, a JSON body
    // where a multipart upload is expected: 406) is a malformed request, never a server fault.
    if (status >= 400 && status < 500 && status !== 404) {
      return reply
        .status(400)
        .send(
          body('validation_failed', lang, req.id, { fields: { _: fieldMessage('invalid_format', lang) } }),
        );
    }
    if (status === 404) return reply.status(404).send(body('not_found', lang, req.id));
    req.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal', lang, req.id));
  });
}
