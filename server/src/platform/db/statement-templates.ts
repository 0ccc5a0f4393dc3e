import { type Compilable, type CompiledQuery, createQueryId } from 'kysely';

/** A stand-in for a value while a statement's text is built: it ends up as one of its parameters. */
class Slot {
  constructor(readonly name: string) {}
}

interface Template {
  sql: string;
  query: CompiledQuery['query'];
  /** Where each parameter comes from: a value's name, or a constant the builder put there itself. */
  sources: ({ value: string } | { constant: unknown })[];
}

/** At most this many statement texts kept per database; then they are built afresh. */
const MAX_TEMPLATES = 500;

const templatesOf = new WeakMap<object, Map<string, Template>>();

/**
 * A statement built once per shape and reused with new values. Building a statement with the query
 * builder and compiling it to SQL costs more of the server's time than anything else a list does
 * (object trees, frozen, then walked), and a list's text depends only on which filters, order and
 * search it has, not on their values. So the statement of a shape is built once with stand-ins for
 * every value, and each later request only puts its values in the stand-ins' places.
 *
 * `shape` must name everything that changes the statement's text; `build` must take every value
 * that varies from `values` and use it only as a value (never in a condition, a name or raw SQL),
 * since on a later request it runs with stand-ins. A parameter the builder made itself (not from
 * `values`) is kept as it was. Tests compare the result with a direct build for every shape.
 */
export function templated<V extends Record<string, unknown>, R>(
  db: object,
  shape: string,
  values: V,
  build: (values: V) => Compilable<R>,
): CompiledQuery<R> {
  let templates = templatesOf.get(db);
  if (!templates) {
    templates = new Map();
    templatesOf.set(db, templates);
  }
  let t = templates.get(shape);
  if (!t) {
    const slots = Object.fromEntries(Object.keys(values).map((k) => [k, new Slot(k)])) as unknown as V;
    const compiled = build(slots).compile();
    t = {
      sql: compiled.sql,
      query: compiled.query,
      sources: compiled.parameters.map((p) => (p instanceof Slot ? { value: p.name } : { constant: p })),
    };
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(shape, t);
  }
  return {
    sql: t.sql,
    query: t.query,
    queryId: createQueryId(),
    parameters: t.sources.map((s) => ('value' in s ? values[s.value] : s.constant)),
  };
}
