import { randomUUID } from 'node:crypto';
import { ROLES } from '@sinergi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgency,
  buildTaskForce,
  buildUser,
  call,
  createTestEnv,
  DB_KINDS,
  type Session,
  signIn,
  type TestEnv,
} from './support.js';

/**
 * No coercion anywhere: generated from the OpenAPI document, every JSON body field, query
 * parameter and path parameter of every operation is sent a value of the wrong type, and each must
 * be refused with 400 naming that field. A retention period of `true` once became one year.
 */

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema;
  nullable?: boolean;
};
type Parameter = { name: string; in: 'query' | 'path' | 'header' | 'cookie'; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type Document = { paths: Record<string, Record<string, Operation>> };

/** The JSON types a schema admits (ignoring null). */
function typesOf(schema: Schema): Set<string> {
  const out = new Set<string>();
  const variants = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  for (const v of variants) {
    if (Array.isArray(v.type)) for (const t of v.type) out.add(t);
    else if (v.type) out.add(v.type);
    if (v.enum) for (const e of v.enum) out.add(e === null ? 'null' : typeof e);
    if (v.const !== undefined) out.add(typeof v.const);
  }
  if (out.has('integer')) out.add('number');
  out.delete('null');
  return out;
}

/** Values of JSON types the field does not admit: a client's typo, never a value it could mean. */
function wrongValues(schema: Schema): unknown[] {
  const types = typesOf(schema);
  if (types.size === 0) return [];
  const candidates: [string, unknown][] = [
    ['string', '7'],
    ['number', 7],
    ['boolean', true],
    ['array', [5]],
    ['object', { value: 5 }],
  ];
  return candidates.filter(([t]) => !types.has(t)).map(([, v]) => v);
}

/** The object shapes of a body: itself, or each variant of a union with its discriminator kept. */
function bodyShapes(schema: Schema): { properties: Record<string, Schema>; base: Record<string, unknown> }[] {
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return variants.flatMap(bodyShapes);
  if (schema.allOf) {
    const merged: Record<string, Schema> = {};
    for (const part of schema.allOf) Object.assign(merged, part.properties ?? {});
    return [{ properties: merged, base: {} }];
  }
  if (!schema.properties) return [];
  const base: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties)) {
    if (prop.const !== undefined) base[name] = prop.const;
    else if (prop.enum?.length === 1) base[name] = prop.enum[0];
  }
  return [{ properties: schema.properties, base }];
}

/** Query and path values of the wrong kind for a parameter that is a number, a boolean or an id. */
function wrongTexts(schema: Schema): string[] {
  const types = typesOf(schema);
  if (schema.format === 'uuid') return ['12345', 'true'];
  if (types.has('number') || schema.pattern === '^\\d{1,10}$')
    return ['true', '7.5', '1e3', ' ', '0x10', '[5]'];
  if (schema.enum?.every((e) => typeof e === 'string')) return ['[5]', 'zz-tidak-dikenal'];
  return [];
}

/** A valid value for a path parameter, so that only the field under test is wrong. */
function validText(name: string, schema: Schema | undefined): string {
  if (schema?.enum?.length) return String(schema.enum[0]);
  if (schema?.pattern === '^\\d{1,10}$' || typesOf(schema ?? {}).has('number'))
    return name === 'year' ? '2026' : '1';
  return randomUUID();
}

function urlOf(path: string, op: Operation, values: Record<string, string> = {}): string {
  const params = new Map((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema]));
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? validText(name, params.get(name)));
}

/**
 * Operations whose gate answers before the body is read for a fully signed-in user: the second
 * sign-in step needs a session that has passed only the first.
 */
const GATED_BEFORE_BODY = new Set(['POST /api/v1/auth/mfa/verify']);

describe.each(DB_KINDS)('no coercion, generated from the OpenAPI document, on %s', (kind) => {
  let env: TestEnv;
  let session: Session;
  let doc: Document;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    const agency = await buildAgency(env, { taskForceId: tf.id });
    // Every role, so no permission check answers before the request is read.
    const user = await buildUser(env, [...ROLES], { agencyId: agency.id });
    session = await signIn(env, user.username);
    doc = (await call(env, session, 'GET', '/api/openapi.json')).json() as Document;
  });
  afterAll(async () => env?.close());

  it('refuses each JSON body field sent with the wrong type, with 400 naming the field', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (!schema || GATED_BEFORE_BODY.has(`${method.toUpperCase()} ${path}`)) continue;
        for (const shape of bodyShapes(schema)) {
          for (const [field, fieldSchema] of Object.entries(shape.properties)) {
            if (field in shape.base) continue;
            for (const wrong of wrongValues(fieldSchema)) {
              checked++;
              const res = await call(env, session, method.toUpperCase() as 'POST', urlOf(path, op), {
                ...shape.base,
                [field]: wrong,
              });
              const fields =
                (res.json() as { error?: { fields?: Record<string, string> } }).error?.fields ?? {};
              const named = Object.keys(fields).some((k) => k === field || k.startsWith(`${field}.`));
              if (res.statusCode !== 400 || !named)
                failures.push(
                  `${method.toUpperCase()} ${path} ${field}=${JSON.stringify(wrong)}: ${res.statusCode} ${res.body.slice(0, 160)}`,
                );
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  });

  it('refuses query and path parameters that are not what they say (numbers, ids, choices), with 400', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (method !== 'get') continue;
        for (const param of op.parameters ?? []) {
          if (param.in !== 'query' && param.in !== 'path') continue;
          for (const wrong of wrongTexts(param.schema ?? {})) {
            checked++;
            const url =
              param.in === 'path'
                ? urlOf(path, op, { [param.name]: encodeURIComponent(wrong) })
                : `${urlOf(path, op)}?${param.name}=${encodeURIComponent(wrong)}`;
            const res = await call(env, session, 'GET', url);
            const body = res.json() as { error?: { code?: string }; requestId?: string };
            if (res.statusCode !== 400 || body.error?.code !== 'validation_failed' || !body.requestId)
              failures.push(
                `GET ${path} ${param.in} ${param.name}=${JSON.stringify(wrong)}: ${res.statusCode} ${res.body.slice(0, 160)}`,
              );
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});
