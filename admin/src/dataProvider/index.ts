// react-admin's DataProvider over our Relay GraphQL API: no introspection, no GraphQL library — the
// operations are built from the per-resource map in resources.ts.
//
// - getList walks cursors: page N starts `after` the cursor that ends page N-1. Cursors seen are kept
//   per list + filter (cursorCache.ts), so moving forward or back costs one request; a walk skips rows
//   asking only for their cursors; a jump to the last page uses `last`. At most 100 rows a request, so
//   react-admin's export (1,000 rows in one getList) is fetched 100 at a time.
// - getOne/getMany use `node(id:)`, getMany in batches of 20 aliases (the server's alias limit).
// - mutations return `XResult` unions: the payload, or a typed error → HttpError (inline when it
//   names a field).
import { HttpError, type DataProvider, type GetListParams, type GetListResult, type Identifier, type RaRecord } from 'react-admin';
import { CursorCache } from './cursorCache';
import { createGraphQLClient, typedErrorToHttpError, type GraphQLClientOptions, type GraphQLRequest } from './graphqlClient';
import { RESOURCES, type ListConfig, type MutationConfig, type ResourceConfig } from './resources';

export { createGraphQLClient, typedMutation, type GraphQLClientOptions, type GraphQLRequest } from './graphqlClient';
export { RESOURCES } from './resources';

/** The API's cap on `first`/`last`. */
export const MAX_PAGE = 100;
/** node(id:) lookups per request: the server allows 20 aliases per operation. */
export const MAX_NODES_PER_REQUEST = 20;

export interface ActionParams {
  id?: Identifier;
  data?: Record<string, unknown>;
}

export interface GuardlineDataProvider extends DataProvider {
  /** A resource's domain action (resources.ts `actions`), e.g. `action('apiTokens', 'revoke', { id })`. */
  action: <R extends RaRecord = RaRecord>(resource: string, name: string, params: ActionParams) => Promise<{ data: R }>;
  /** A plain query of our own (queries.ts), for pages that are not a resource's list or record. */
  request: GraphQLRequest;
}

/** `meta.fields` of getList/getOne: which selection of the resource to read (default: `fields`). */
export type FieldSet = 'list' | 'detail' | 'export';

interface Edge {
  cursor: string;
  node?: RaRecord;
}
interface Connection {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Edge[];
}

const ERROR_SELECTION = '... on Error { errorCode: code errorMessage: message errorField: field }';

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function fragmentName(cfg: ResourceConfig): string {
  return `${cfg.type}Fields`;
}

function selectionOf(cfg: ResourceConfig, set: FieldSet = 'list'): string {
  if (set === 'detail') return cfg.detailFields ?? cfg.fields;
  if (set === 'export') return cfg.exportFields ?? cfg.fields;
  return cfg.fields;
}

function fragment(cfg: ResourceConfig, set: FieldSet = 'list'): string {
  return `fragment ${fragmentName(cfg)} on ${cfg.type} { ${selectionOf(cfg, set)} }`;
}

function fieldSet(meta: unknown): FieldSet {
  const f = (meta as { fields?: unknown } | undefined)?.fields;
  return f === 'detail' || f === 'export' ? f : 'list';
}

/** Drops undefined, null and empty-string values, so "no filter" and "empty filter" are one list. */
function cleanFilter(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

function stableKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableKey((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function createDataProvider(
  request: GraphQLRequest,
  resources: Record<string, ResourceConfig> = RESOURCES,
  cache: CursorCache = new CursorCache(),
): GuardlineDataProvider {
  function config(resource: string): ResourceConfig {
    const cfg = resources[resource];
    if (!cfg) throw new HttpError(`Unknown resource: ${resource}`, 404);
    return cfg;
  }

  function listConfig(resource: string): [ResourceConfig, ListConfig] {
    const cfg = config(resource);
    if (!cfg.list) throw new HttpError(`${resource} has no list`, 405);
    return [cfg, cfg.list];
  }

  function connectionQuery(resource: string, cfg: ResourceConfig, list: ListConfig, opts: { nodes: boolean; total: boolean; set?: FieldSet }): string {
    const vars = ['$first: Int', '$after: String', '$last: Int', '$before: String'];
    const args = ['first: $first', 'after: $after', 'last: $last', 'before: $before'];
    if (list.filterType) {
      vars.push(`$filter: ${list.filterType}`);
      args.push('filter: $filter');
    }
    if (list.order) {
      vars.push(`$orderBy: ${list.order.type}`);
      args.push('orderBy: $orderBy');
    }
    const edges = opts.nodes ? `edges { cursor node { ...${fragmentName(cfg)} } }` : 'edges { cursor }';
    const name = `${pascal(resource)}${opts.nodes ? 'Page' : 'Cursors'}`;
    return (
      `query ${name}(${vars.join(', ')}) { ${list.field}(${args.join(', ')}) { ` +
      `${opts.total ? 'totalCount ' : ''}pageInfo { hasNextPage endCursor } ${edges} } }` +
      (opts.nodes ? ` ${fragment(cfg, opts.set)}` : '')
    );
  }

  async function getConnectionList(resource: string, cfg: ResourceConfig, list: ListConfig, params: GetListParams & { signal?: AbortSignal }): Promise<GetListResult> {
    const filter = cleanFilter(list.filter ? list.filter(params.filter ?? {}) : (params.filter ?? {}));
    const orderBy = list.order ? list.order.map(params.sort) : undefined;
    const set = fieldSet(params.meta);
    const key = `${resource}|${stableKey(filter)}|${orderBy ?? ''}`;
    const page = Math.max(1, params.pagination?.page ?? 1);
    const perPage = Math.max(1, params.pagination?.perPage ?? 25);
    const offset = (page - 1) * perPage;
    let total: number | undefined;

    const fetchConnection = async (vars: Record<string, unknown>, nodes: boolean): Promise<Connection> => {
      const variables: Record<string, unknown> = Object.fromEntries(Object.entries(vars).filter(([, v]) => v != null));
      if (list.filterType && Object.keys(filter).length > 0) variables.filter = filter;
      if (orderBy) variables.orderBy = orderBy;
      const data = await request<Record<string, Connection>>(connectionQuery(resource, cfg, list, { nodes, total: total === undefined, set }), variables, { signal: params.signal });
      const conn = data[list.field];
      if (!conn) throw new HttpError('ra.notification.http_error', 500);
      if (typeof conn.totalCount === 'number') {
        total = conn.totalCount;
        cache.setTotal(key, total);
      }
      return conn;
    };
    /** Keeps the cursors that start pages (and the one after the last edge) for later requests. */
    const remember = (start: number, edges: Edge[]) =>
      edges.forEach((edge, i) => {
        const at = start + i + 1;
        if (at % perPage === 0 || i === edges.length - 1) cache.set(key, at, edge.cursor);
      });

    let { offset: position, cursor } = cache.nearest(key, offset);

    // A jump to the last page: ask for the tail directly, if the list has not changed size meanwhile.
    const knownTotal = cache.total(key);
    if (position < offset && knownTotal !== undefined && offset < knownTotal && knownTotal - offset <= Math.min(perPage, MAX_PAGE)) {
      const conn = await fetchConnection({ last: knownTotal - offset }, true);
      remember(offset, conn.edges);
      if (total === knownTotal) return { data: conn.edges.map((e) => e.node!), total };
    }

    // Walk to the page's start, reading only cursors.
    let ended = false;
    while (position < offset && !ended) {
      const conn = await fetchConnection({ first: Math.min(MAX_PAGE, offset - position), after: cursor }, false);
      remember(position, conn.edges);
      if (conn.edges.length > 0) {
        position += conn.edges.length;
        cursor = conn.edges[conn.edges.length - 1]!.cursor;
      }
      ended = !conn.pageInfo.hasNextPage || conn.edges.length === 0;
    }
    if (position < offset) return { data: [], total: total ?? position };

    // The page itself, 100 rows a request at most.
    const data: RaRecord[] = [];
    while (data.length < perPage) {
      const conn = await fetchConnection({ first: Math.min(MAX_PAGE, perPage - data.length), after: cursor }, true);
      remember(position, conn.edges);
      for (const edge of conn.edges) data.push(edge.node!);
      if (conn.edges.length === 0 || !conn.pageInfo.hasNextPage) break;
      position += conn.edges.length;
      cursor = conn.edges[conn.edges.length - 1]!.cursor;
    }
    return { data, total: total ?? offset + data.length };
  }

  async function getArrayList(resource: string, cfg: ResourceConfig, list: ListConfig, params: GetListParams & { signal?: AbortSignal }): Promise<GetListResult> {
    const query = `query ${pascal(resource)}All { ${list.field} { ...${fragmentName(cfg)} } } ${fragment(cfg, fieldSet(params.meta))}`;
    const data = await request<Record<string, RaRecord[]>>(query, {}, { signal: params.signal });
    const filter = cleanFilter(params.filter ?? {});
    const { q, ...equal } = filter;
    const all = (data[list.field] ?? []).map((r) => (list.toRecord ? (list.toRecord(r) as RaRecord) : r));
    let rows = all.filter(
      (r) =>
        (list.match ? list.match(r, { q }) : true) &&
        Object.entries(equal).every(([k, v]) => (Array.isArray(v) ? v.includes(r[k]) : r[k] === v)),
    );
    const sort = params.sort;
    if (sort?.field && rows.some((r) => sort.field in r)) {
      const dir = sort.order === 'DESC' ? -1 : 1;
      rows = [...rows].sort((a, b) => String(a[sort.field] ?? '').localeCompare(String(b[sort.field] ?? ''), 'zh-CN') * dir);
    }
    const page = params.pagination?.page ?? 1;
    const perPage = params.pagination?.perPage ?? rows.length;
    return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length };
  }

  async function getList(resource: string, params: GetListParams & { signal?: AbortSignal }): Promise<GetListResult> {
    const [cfg, list] = listConfig(resource);
    return list.kind === 'array' ? getArrayList(resource, cfg, list, params) : getConnectionList(resource, cfg, list, params);
  }

  async function getNodes(resource: string, ids: Identifier[], signal?: AbortSignal, set: FieldSet = 'list'): Promise<RaRecord[]> {
    const cfg = config(resource);
    const unique = [...new Set(ids.map(String))];
    const batches: string[][] = [];
    for (let i = 0; i < unique.length; i += MAX_NODES_PER_REQUEST) batches.push(unique.slice(i, i + MAX_NODES_PER_REQUEST));
    const results = await Promise.all(
      batches.map(async (batch) => {
        const vars = batch.map((_, i) => `$id${i}: ID!`).join(', ');
        const fields = batch.map((_, i) => `n${i}: node(id: $id${i}) { __typename ...${fragmentName(cfg)} }`).join(' ');
        const query = `query ${pascal(resource)}Nodes(${vars}) { ${fields} } ${fragment(cfg, set)}`;
        const variables = Object.fromEntries(batch.map((id, i) => [`id${i}`, id]));
        const data = await request<Record<string, (RaRecord & { __typename?: string }) | null>>(query, variables, { signal });
        return batch.map((_, i) => data[`n${i}`]).filter((n): n is RaRecord & { __typename?: string } => !!n && n.__typename === cfg.type);
      }),
    );
    return results.flat().map(({ __typename, ...record }) => record as RaRecord);
  }

  async function mutate(resource: string, m: MutationConfig, params: ActionParams & { previousData?: Record<string, unknown> }): Promise<RaRecord> {
    const cfg = config(resource);
    const selection = m.selection ?? `...${fragmentName(cfg)}`;
    const usesFragment = selection.includes(`...${fragmentName(cfg)}`);
    // a move returns the record as its page shows it (detail selection), so the page updates in place
    const head = m.inputType ? `mutation ${pascal(m.field)}($input: ${m.inputType}!)` : `mutation ${pascal(m.field)}`;
    const call = m.inputType ? `${m.field}(input: $input)` : m.field;
    const query = `${head} { ${call} { __typename ${ERROR_SELECTION} ... on ${m.payloadType} { ${selection} } } }${usesFragment ? ` ${fragment(cfg, 'detail')}` : ''}`;
    const variables = m.inputType ? { input: m.input(params) } : {};
    const data = await request<Record<string, Record<string, unknown> | null>>(query, variables);
    const result = data[m.field];
    // Whatever happened, cached cursors of this resource may now point at moved offsets.
    cache.clearResource(resource);
    if (result && result.__typename === m.payloadType) {
      const { __typename, ...payload } = result;
      return (m.toRecord ? m.toRecord(payload) : payload) as RaRecord;
    }
    if (result && typeof result.errorCode === 'string') {
      throw typedErrorToHttpError({
        code: result.errorCode,
        message: String(result.errorMessage ?? result.errorCode),
        field: (result.errorField as string | null | undefined) ?? null,
      });
    }
    throw new HttpError('ra.notification.http_error', 500);
  }

  function mutation(resource: string, kind: 'create' | 'update' | 'delete'): MutationConfig {
    const m = config(resource)[kind];
    if (!m) throw new HttpError(`${resource}: ${kind} is not supported`, 405);
    return m;
  }

  const provider: GuardlineDataProvider = {
    supportAbortSignal: true,

    request,

    getList: (resource, params) => getList(resource, params) as never,

    getOne: async (resource, params) => {
      // a record's page reads its full selection (timeline, dispatches, …): `detailFields`
      const [record] = await getNodes(resource, [params.id], params.signal, params.meta?.fields === 'list' ? 'list' : 'detail');
      if (!record) throw new HttpError('ra.notification.item_doesnt_exist', 404);
      return { data: record as never };
    },

    getMany: async (resource, params) => ({ data: (await getNodes(resource, params.ids, params.signal)) as never[] }),

    getManyReference: (resource, params) =>
      getList(resource, {
        pagination: params.pagination,
        sort: params.sort,
        filter: { ...params.filter, [params.target]: params.id },
        meta: params.meta,
        signal: params.signal,
      }) as never,

    create: async (resource, params) => ({ data: (await mutate(resource, mutation(resource, 'create'), { data: params.data })) as never }),

    update: async (resource, params) => ({
      data: (await mutate(resource, mutation(resource, 'update'), { id: params.id, data: params.data, previousData: params.previousData })) as never,
    }),

    updateMany: async (resource, params) => {
      const m = mutation(resource, 'update');
      const done = await Promise.all(params.ids.map((id) => mutate(resource, m, { id, data: params.data })));
      return { data: done.map((r) => r.id) };
    },

    delete: async (resource, params) => ({
      data: (await mutate(resource, mutation(resource, 'delete'), { id: params.id, previousData: params.previousData })) as never,
    }),

    deleteMany: async (resource, params) => {
      const m = mutation(resource, 'delete');
      const done = await Promise.all(params.ids.map((id) => mutate(resource, m, { id })));
      return { data: done.map((r) => r.id) };
    },

    action: async (resource, name, params) => {
      const m = config(resource).actions?.[name];
      if (!m) throw new HttpError(`${resource}: no action ${name}`, 405);
      return { data: (await mutate(resource, m, params)) as never };
    },
  };
  return provider;
}

/** The app's data provider: same-origin /graphql with the session's token. */
export function createAppDataProvider(options: GraphQLClientOptions): GuardlineDataProvider {
  return createDataProvider(createGraphQLClient(options));
}
