import type { FastifyRequest } from 'fastify';

/**
 * What the server log may hold, in one place. The log lies outside encryption, retention and
 * erasure, so it must never carry what a user typed: a request is logged by its method, its
 * route pattern (`/api/v1/cases/:id`) and its path parameters, which are ids; never the query
 * string (a search by NIK or name), a body, a header with a secret, or a URL no route matched
 * (a mistyped address can hold anything).
 */

/** Headers that carry secrets; removed wherever a logged object holds them. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/** Error properties kept in the log. A PostgreSQL error's `detail` names the row's values. */
const ERROR_FIELDS = ['code', 'statusCode', 'message', 'stack'] as const;

/** Long digit runs (NIK, passport, phone numbers) in a message are replaced before logging. */
const DIGITS = /\d{8,}/g;
const REGION_CODE = /^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function scrub(text: string): string {
  return text.replace(DIGITS, '[angka]');
}

/** The request as the log may show it: method, route pattern and id parameters. */
export function loggedRequest(req: FastifyRequest) {
  const pattern = req.routeOptions?.url;
  const params = req.params as Record<string, unknown> | undefined;
  return {
    method: req.method,
    route: pattern ?? '(tanpa rute)',
    ...(pattern && params && Object.keys(params).length > 0 ? { params: safeParams(params) } : {}),
  };
}

/**
 * Path parameters are ids by design, but the router matches whatever was typed there (a name in
 * place of an id). Only what has the shape of an id is logged: a UUID, a short number (a year, a
 * period) or a region code; anything else is `[disaring]`.
 */
function safeParams(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const text = typeof value === 'string' ? value : String(value);
    const isId = UUID.test(text) || /^\d{1,4}$/.test(text) || REGION_CODE.test(text);
    out[name] = isId ? text : '[disaring]';
  }
  return out;
}

interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

function loggedError(err: unknown): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: scrub(String(err)), stack: '' };
  const source = err as unknown as Record<string, unknown>;
  const out: LoggedError = { type: err.constructor?.name ?? 'Error', message: '', stack: '' };
  for (const field of ERROR_FIELDS) {
    const value = source[field];
    if (typeof value === 'string') out[field] = scrub(value);
    else if (typeof value === 'number') out[field as string] = value;
  }
  if (err.cause !== undefined) out.cause = loggedError(err.cause);
  return out;
}

/** The Fastify logger's options: level, redaction and the serializers above. */
export function loggerOptions(level: string, stream?: { write(line: string): void }) {
  return {
    level,
    redact: { paths: REDACTED_PATHS, remove: true },
    serializers: {
      req: (req: FastifyRequest) => loggedRequest(req),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: loggedError,
    },
    ...(stream ? { stream } : {}),
  };
}
