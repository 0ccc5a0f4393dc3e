import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, AppDeps, RequestMeta } from './context.js';
import { actorOf } from './http/auth-hooks.js';
import { requestMeta } from './http/request-context.js';

/** How long a stored answer serves retries; the daily run drops older ones. */
export const IDEMPOTENCY_WINDOW_HOURS = 24;

/** Answers stored before they were encrypted are plain JSON. */
function readReply(deps: Pick<AppDeps, 'cipher'>, stored: string): string {
  return stored.startsWith('v1.') ? deps.cipher.decrypt(stored) : stored;
}

/** Drops stored answers past the retry window; answers how many. */
export async function dropExpiredReplies(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - IDEMPOTENCY_WINDOW_HOURS * 3_600_000).toISOString();
  const res = await deps.db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/**
 * Runs a create once per `Idempotency-Key`: a retry with the same key (a phone on a weak
 * connection re-sending) gets the stored answer instead of a second record.
 */
export async function idempotent<T>(
  deps: AppDeps,
  actor: Actor,
  route: string,
  key: string | undefined,
  run: () => Promise<{ status: number; body: T }>,
): Promise<{ status: number; body: T }> {
  if (!key) return run();
  const trimmed = key.slice(0, 200);
  const stored = await deps.db
    .selectFrom('idempotency_keys')
    .select(['status_code', 'response'])
    .where('user_id', '=', actor.userId)
    .where('route', '=', route)
    .where('key', '=', trimmed)
    .executeTakeFirst();
  if (stored) return { status: stored.status_code, body: JSON.parse(readReply(deps, stored.response)) as T };
  const result = await run();
  await deps.db
    .insertInto('idempotency_keys')
    .values({
      key: trimmed,
      user_id: actor.userId,
      route,
      status_code: result.status,
      // The answer to a create can carry the identity just recorded: encrypted like the record.
      response: deps.cipher.encrypt(JSON.stringify(result.body)),
      created_at: deps.clock.now().toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return result;
}

/**
 * Answers a create with 201, once per `Idempotency-Key`: the route hands over only how to create.
 */
export async function replyCreated<T>(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  route: string,
  create: (actor: Actor, meta: RequestMeta) => Promise<T>,
): Promise<FastifyReply> {
  const actor = actorOf(req);
  const key = req.headers['idempotency-key'];
  const result = await idempotent(
    deps,
    actor,
    route,
    typeof key === 'string' ? key : undefined,
    async () => ({
      status: 201,
      body: await create(actor, requestMeta(req)),
    }),
  );
  return reply.status(result.status).send(result.body);
}
