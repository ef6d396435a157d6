// One entry per react-admin resource: which GraphQL type its records are, the fields the panel reads,
// the list field (a Relay connection, or a plain list for small reference data) with its filter
// mapping, and the mutations behind create / update / delete and the resource's own actions.
// dataProvider.test.ts validates every operation built from this map against schema/schema.graphql.

type Filter = Record<string, unknown>;
type Input = Record<string, unknown>;

export interface MutationConfig {
  /** The mutation field, e.g. `createUser`. */
  field: string;
  /** Its `input` argument's type, e.g. `CreateUserInput`; omit for a mutation without input. */
  inputType?: string;
  /** react-admin params (`data`, `id`, …) → the GraphQL input. */
  input: (params: { id?: unknown; data?: Input; previousData?: Input }) => Input;
  /** The payload member of the `XResult` union (`User`, `IssuedApiToken`, …). */
  payloadType: string;
  /** Selection on the payload; default: the resource's node fields. */
  selection?: string;
  /** Payload → the record react-admin gets back; default: the payload itself. */
  toRecord?: (payload: Record<string, unknown>) => Record<string, unknown> & { id: string };
}

export interface ListConfig {
  field: string;
  /** `connection` (default): Relay `first/after/last/before` + `totalCount`; `array`: a plain list. */
  kind?: 'connection' | 'array';
  /** The `filter` argument's input type; omit when the list takes no filter. */
  filterType?: string;
  /** react-admin filter → the GraphQL filter (undefined and empty values are dropped). */
  filter?: (filter: Filter) => Filter;
  /** For `array` lists only: the client-side filter (react-admin's `q` and field equality otherwise). */
  match?: (record: Record<string, unknown>, filter: Filter) => boolean;
}

export interface ResourceConfig {
  /** The GraphQL object type of the records (a `Node`). */
  type: string;
  /** Selection set of a record (becomes `fragment <Type>Fields on <Type>`); must include `id`. */
  fields: string;
  list?: ListConfig;
  create?: MutationConfig;
  update?: MutationConfig;
  delete?: MutationConfig;
  /** Domain actions beyond CRUD, called with `dataProvider.action(resource, name, params)`. */
  actions?: Record<string, MutationConfig>;
}

const DEPARTMENT_REF = 'id code nameZh nameEn';
const DISTRICT_REF = 'id code nameZh nameEn';

export const RESOURCES: Record<string, ResourceConfig> = {
  departments: {
    type: 'Department',
    fields: `id code nameZh nameEn kind active version district { ${DISTRICT_REF} } parent { ${DEPARTMENT_REF} kind }`,
    list: {
      field: 'departments',
      filterType: 'DepartmentFilter',
      filter: (f) => ({
        search: typeof f.q === 'string' ? f.q.trim() : undefined,
        kind: f.kind,
        districtId: f.districtId,
        parentId: f.parentId,
        active: f.active,
        topLevelOnly: f.topLevelOnly,
      }),
    },
  },

  districts: {
    type: 'District',
    fields: DISTRICT_REF,
    list: {
      field: 'districts',
      kind: 'array',
      match: (d, f) => {
        const q = typeof f.q === 'string' ? f.q.trim().toLowerCase() : '';
        return !q || [d.code, d.nameZh, d.nameEn].some((v) => String(v).toLowerCase().includes(q));
      },
    },
  },

  users: {
    type: 'User',
    fields: `id username displayName roles active createdAt version department { ${DEPARTMENT_REF} }`,
    list: { field: 'users' },
    create: {
      field: 'createUser',
      inputType: 'CreateUserInput',
      payloadType: 'User',
      input: ({ data = {} }) => ({
        username: data.username,
        displayName: data.displayName,
        password: data.password,
        roles: data.roles ?? [],
        departmentId: data.departmentId || null,
      }),
    },
  },

  apiTokens: {
    type: 'ApiToken',
    fields: `id name kind scopes tokenPrefix active createdAt lastUsedAt revokedAt department { ${DEPARTMENT_REF} }`,
    list: { field: 'apiTokens' },
    create: {
      field: 'issueApiToken',
      inputType: 'IssueApiTokenInput',
      payloadType: 'IssuedApiToken',
      selection: 'secret apiToken { ...ApiTokenFields }',
      input: ({ data = {} }) => ({
        name: data.name,
        kind: data.kind,
        departmentId: data.kind === 'DEPARTMENT' ? data.departmentId || null : null,
        scopes: Array.isArray(data.scopes) ? data.scopes : [],
      }),
      // The secret exists only in this one response: the issue page shows it once and keeps it nowhere.
      toRecord: (p) => ({ ...(p.apiToken as Record<string, unknown> & { id: string }), secret: p.secret }),
    },
    actions: {
      revoke: {
        field: 'revokeApiToken',
        inputType: 'RevokeApiTokenInput',
        payloadType: 'ApiToken',
        input: ({ id }) => ({ id }),
      },
    },
  },
};
