// SQL fragments shared by the modules' queries.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * `column in (…)` over a closed set of values (a status enum), written into the statement rather than
 * sent as placeholders. Our statements are named and keep a generic plan; only with the values in its
 * text can PostgreSQL prove a partial index's predicate (`status in (open statuses)`) for that plan.
 * With placeholders it re-plans every call, and the plan it picks for the open-case list scans every
 * open case of the city before sorting. Values outside `domain` are refused, so nothing unvetted is
 * ever written into SQL; they are sorted and deduplicated so one set is one statement.
 */
export function inClosedSet<T extends string>(column: SQLWrapper, values: readonly T[], domain: readonly T[]): SQL {
  if (!values.length) throw new Error('an empty set matches nothing: leave the condition out instead');
  const unknown = values.find((v) => !domain.includes(v));
  if (unknown !== undefined) throw new Error(`"${unknown}" is not one of ${domain.join(', ')}`);
  const listed = domain.filter((v) => values.includes(v)).map((v) => `'${v}'`);
  return sql`${column} in (${sql.raw(listed.join(', '))})`;
}
