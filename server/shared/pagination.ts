// Relay connections over keyset pagination: stable under inserts, and as fast on page 500 as on page 1.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { ValidationError } from './errors.js';

export const MAX_PAGE = 100;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface OrderKey<R> {
  expr: SQLWrapper;
  cast: 'timestamptz' | 'uuid' | 'int' | 'text' | 'date';
  value: (row: R) => unknown;
}

export interface Connection<R> {
  edges: { cursor: string; node: R }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

export interface KeysetQuery<R> {
  keys: OrderKey<R>[];
  direction: 'asc' | 'desc';
  /** Rows matching the filter plus `cursorCondition`, in `orderBy`, at most `limit`. */
  fetch: (cursorCondition: SQL | undefined, orderBy: SQL[], limit: number) => Promise<R[]>;
  count: () => Promise<number>;
}

/** `first` or `last` (1..100), never both; cursors must be ours. */
export function checkPageArgs(args: PageArgs): { size: number; forward: boolean } {
  const { first, last } = args;
  if ((first == null) === (last == null)) throw new ValidationError('Give either `first` or `last`', first == null ? 'first' : 'last');
  const size = (first ?? last)!;
  const field = first != null ? 'first' : 'last';
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw new ValidationError(`\`${field}\` must be between 1 and ${MAX_PAGE}`, field);
  return { size, forward: first != null };
}

// A cursor is encoded only when asked for: most lists ask for the page's last one alone, many for none.
class Edge<R> {
  constructor(readonly node: R, private readonly keys: OrderKey<R>[]) {}
  get cursor(): string {
    return encodeCursor(this.keys.map((k) => k.value(this.node)));
  }
}

class PageInfo<R> {
  constructor(private readonly edges: Edge<R>[], readonly hasNextPage: boolean, readonly hasPreviousPage: boolean) {}
  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }
  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values.map((v) => (v instanceof Date ? v.toISOString() : v)))).toString('base64url');
}

function decodeCursor(cursor: string, arity: number, field: string): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    /* fall through */
  }
  throw new ValidationError('Not a cursor of this list', field);
}

function compare<R>(keys: OrderKey<R>[], op: '>' | '<', values: unknown[]): SQL {
  const left = sql.join(keys.map((k) => sql`${k.expr}`), sql`, `);
  const right = sql.join(values.map((v, i) => sql`${v}::${sql.raw(keys[i]!.cast)}`), sql`, `);
  return sql`(${left}) ${sql.raw(op)} (${right})`;
}

export async function keysetPage<R>(args: PageArgs, q: KeysetQuery<R>): Promise<Connection<R>> {
  const { size, forward } = checkPageArgs(args);
  const asc = q.direction === 'asc';
  const conditions: SQL[] = [];
  if (args.after) conditions.push(compare(q.keys, asc ? '>' : '<', decodeCursor(args.after, q.keys.length, 'after')));
  if (args.before) conditions.push(compare(q.keys, asc ? '<' : '>', decodeCursor(args.before, q.keys.length, 'before')));
  // Walking backwards reads the order reversed, then flips the page back.
  const readAsc = forward === asc;
  const orderBy = q.keys.map((k) => (readAsc ? sql`${k.expr} asc` : sql`${k.expr} desc`));
  const cond = conditions.length ? sql.join(conditions, sql` and `) : undefined;
  const rows = await q.fetch(cond, orderBy, size + 1);
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (!forward) page.reverse();
  const edges = page.map((node) => new Edge(node, q.keys));
  const pageInfo = new PageInfo(edges, forward ? more : !!args.before, forward ? !!args.after : more);
  return { edges, pageInfo, totalCount: q.count };
}
