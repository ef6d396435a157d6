// A list's statement planned from the GraphQL selection: only the columns the selected fields read, and
// the selected child rows nested as JSON, so a page and its children come back in one statement.
//
// A field says what it reads. `t.expose*` says it by itself; a computed field lists its columns with
// `reads(...)`; a field that says nothing makes the planner read every column, so a plan may read too
// much but never too little. Nested children are only the relations registered with `nestable`, and
// they must carry no visibility of their own (the parent's visibility already decides); a nested row
// reads its id only when asked, since nothing else keys on it. `node(id)` of a type registered with
// `plannedNode` (a case page) is planned the same way.
import { Kind, getNamedType, isObjectType, type FieldNode, type FragmentDefinitionNode, type GraphQLObjectType, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { getTableColumns, getTableName, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { selectArrays, type Queryable } from '../db.js';

type Columns = Record<string, PgColumn>;
type Row = Record<string, unknown>;

/** Field options naming the row properties a computed field reads (`reads<Row>('status')`). */
export const reads = <R>(...columns: (keyof R & string)[]) => ({ extensions: { reads: columns } });

export interface Relation {
  table: PgTable;
  /** SQL joining the child rows (alias `child`) to their parent (alias `parent`). */
  on: (child: string, parent: string) => string;
  /** Many rows, in this order; otherwise at most one. */
  orderBy?: (child: string) => string;
}

const relations = new Map<string, Relation>();

/** Lets `parentType.field` come nested in its parent's statement; its resolver reads `nested(parent, field)` first. */
export function nestable(parentType: string, field: string, relation: Relation): void {
  relations.set(`${parentType}.${field}`, relation);
}

// Children sit on the row under a symbol per field: no clash with a column, and a resolver's lookup
// builds no key string.
const nestedKeys = new Map<string, symbol>();
function nestedKey(field: string): symbol {
  let key = nestedKeys.get(field);
  if (!key) nestedKeys.set(field, (key = Symbol(`nested ${field}`)));
  return key;
}

/** The child rows planned into the parent's statement, or undefined when they were not (load them). */
export function nested<T>(parent: object, field: string): T | undefined {
  return (parent as Record<symbol, unknown>)[nestedKey(field)] as T | undefined;
}

/**
 * The row without the children planned for its own selection: for a resolver that hands the parent
 * itself on as another field's object (a case that is its own merge-group root), whose selection differs.
 */
export function unplanned<T extends object>(row: T): T {
  const planned = [...nestedKeys.values()].some((key) => key in row);
  return planned ? (Object.fromEntries(Object.entries(row)) as T) : row;
}

/** What a resolver's `info` offers the planner (graphql-js and graphql-jit alike). */
export interface SelectionInfo {
  fieldNodes: readonly FieldNode[];
  fragments: Record<string, FragmentDefinitionNode>;
  schema: GraphQLSchema;
}

type Selected = Map<string, FieldNode[]>;

/** The fields selected in `sets` by name (aliases merged, fragments followed; type conditions ignored, which can only add). */
function collect(sets: readonly (SelectionSetNode | undefined)[], fragments: SelectionInfo['fragments'], into: Selected = new Map()): Selected {
  for (const set of sets) {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) into.set(s.name.value, [...(into.get(s.name.value) ?? []), s]);
      else if (s.kind === Kind.INLINE_FRAGMENT) collect([s.selectionSet], fragments, into);
      else collect([fragments[s.name.value]?.selectionSet], fragments, into);
    }
  }
  return into;
}

interface Plan {
  columns: Columns;
  children: { field: string; relation: Relation; plan: Plan }[];
}

function planType(type: GraphQLObjectType, all: Columns, selected: Selected, fragments: SelectionInfo['fragments'], always: string[]): Plan {
  const wanted = new Set(always);
  const children: Plan['children'] = [];
  let everything = false;
  for (const [name, nodes] of selected) {
    const field = type.getFields()[name];
    if (name === '__typename' || !field) continue;
    const relation = relations.get(`${type.name}.${name}`);
    const childType = getNamedType(field.type);
    if (relation && isObjectType(childType)) {
      // nested: the field's own read (the key its loader would use) is not needed
      children.push({ field: name, relation, plan: planType(childType, getTableColumns(relation.table), collect(nodes.map((n) => n.selectionSet), fragments), fragments, []) });
      continue;
    }
    const ext = field.extensions as { pothosExposedField?: string; reads?: string[] };
    if (name === 'id') wanted.add('id');
    else if (ext.pothosExposedField) wanted.add(ext.pothosExposedField);
    else if (ext.reads) ext.reads.forEach((c) => wanted.add(c));
    else everything = true;
  }
  const columns = everything ? all : Object.fromEntries(Object.entries(all).filter(([key]) => wanted.has(key)));
  return { columns, children };
}

/**
 * A plan's columns and children as a JSON array over the row aliased `alias`: positions, not keys, so
 * PostgreSQL writes and Node parses no key per value (the reader puts the keys back).
 */
function jsonOf(plan: Plan, alias: string, depth: number): string {
  const values = Object.values(plan.columns).map((column) => columnSql(column, alias));
  for (const child of plan.children) values.push(childSql(child.relation, child.plan, alias, depth + 1));
  return `json_build_array(${values.join(', ')})`;
}

const isTimestamp = (column: PgColumn) => column.dataType === 'object date';

/**
 * A column's value; a timestamp as epoch milliseconds, which becomes a Date without parsing text (a
 * timestamp's text costs the reader more than the rest of the row).
 */
function columnSql(column: PgColumn, alias: string): string {
  const ref = `"${alias}"."${column.name}"`;
  return isTimestamp(column) ? `floor(extract(epoch from ${ref}) * 1000)::float8` : ref;
}

/** The child rows as JSON; aliases go by depth, so one selection always gives the same text (one prepared statement). */
function childSql(relation: Relation, plan: Plan, parent: string, depth: number): string {
  const alias = `n${depth}`;
  const from = `from "${getTableName(relation.table)}" "${alias}" where ${relation.on(alias, parent)}`;
  return relation.orderBy
    ? `(select coalesce(json_agg(${jsonOf(plan, alias, depth)} order by ${relation.orderBy(alias)}), '[]') ${from})`
    : `(select ${jsonOf(plan, alias, depth)} ${from})`;
}

/** Turns a `jsonOf` array (or a planned row's values) into the row drizzle would give (timestamps, read as epoch milliseconds, as Dates), children included. */
function rowReader(plan: Plan): (values: unknown[]) => Row {
  const keys = Object.keys(plan.columns);
  const dates = Object.values(plan.columns).map(isTimestamp);
  const children = plan.children.map((c) => {
    const read = rowReader(c.plan);
    return { key: nestedKey(c.field), read: c.relation.orderBy ? (v: unknown) => (v as unknown[][]).map(read) : (v: unknown) => (v == null ? null : read(v as unknown[])) };
  });
  return (values) => {
    const row: Record<string | symbol, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = values[i];
      row[keys[i]!] = dates[i] && value != null ? new Date(value as number) : value;
    }
    for (let i = 0; i < children.length; i++) row[children[i]!.key] = children[i]!.read(values[keys.length + i]);
    return row;
  };
}

export interface PlannedSelect {
  /** The select list: the read columns and one JSON column per nested child. */
  fields: Record<string, PgColumn | SQL>;
  /**
   * The row resolvers see, from the values of one fetched row in select order (`selectArrays`): the
   * statement is fetched as arrays, so drizzle maps no row twice, and timestamps become Dates here.
   */
  fromValues: (values: unknown[]) => Row;
}

/**
 * Plans the rows of `typeName` selected at `path` below the resolving field (e.g. a connection's
 * `edges.node`), over `table` aliased as its own name, choosing among `all`. The `always` columns are
 * read whatever was asked (the id, and whatever the list's cursor is made of).
 */
export function planSelect(info: SelectionInfo, path: string[], typeName: string, table: PgTable, all: Columns, always: string[] = ['id']): PlannedSelect {
  // The field's nodes belong to the parsed document, which the server caches: a query asked again reuses its plan.
  const node = info.fieldNodes[0]!;
  const key = `${typeName}:${path.join('.')}:${always.join(',')}`;
  let byNode = plans.get(node);
  if (!byNode) plans.set(node, (byNode = new Map()));
  let planned = byNode.get(key);
  if (!planned) byNode.set(key, (planned = plan(info, path, typeName, table, all, always)));
  return planned;
}

const plans = new WeakMap<FieldNode, Map<string, PlannedSelect>>();

/** The rows of `query` (a select of `select.fields`), as resolvers see them. */
export async function selectPlanned<R>(on: Queryable, query: SQLWrapper, select: PlannedSelect): Promise<R[]> {
  return (await selectArrays(on, query)).map(select.fromValues) as R[];
}

/** Reads one row of a type by its id, planned from the `node` field's selection; refuses as the type's loader would. */
type NodeReader = (id: string, ctx: unknown, info: SelectionInfo) => Promise<object>;
const nodeReaders = new Map<string, NodeReader>();

/** Lets `node(id)` of `typeName` read its row as a list would: the selected columns, children nested. */
export function plannedNode<Ctx>(typeName: string, read: (id: string, ctx: Ctx, info: SelectionInfo) => Promise<object>): void {
  nodeReaders.set(typeName, read as NodeReader);
}

export const nodeReader = (typeName: string): NodeReader | undefined => nodeReaders.get(typeName);

function plan(info: SelectionInfo, path: string[], typeName: string, table: PgTable, all: Columns, always: string[]): PlannedSelect {
  let selected = collect(info.fieldNodes.map((n) => n.selectionSet), info.fragments);
  for (const step of path) selected = collect((selected.get(step) ?? []).map((n) => n.selectionSet), info.fragments);
  const plan = planType(info.schema.getType(typeName) as GraphQLObjectType, all, selected, info.fragments, always);
  const parent = getTableName(table);
  // the columns, then the children: the order rowReader reads a nested row's array in
  const fields: PlannedSelect['fields'] = {};
  for (const [key, column] of Object.entries(plan.columns)) fields[key] = isTimestamp(column) ? sql.raw(columnSql(column, parent)) : column;
  for (const child of plan.children) fields[`nested ${child.field}`] = sql.raw(childSql(child.relation, child.plan, parent, 1));
  return { fields, fromValues: rowReader(plan) };
}
