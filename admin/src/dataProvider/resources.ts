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
  /** For `array` lists only: a row → a record (e.g. give it an `id`). */
  toRecord?: (row: Record<string, unknown>) => Record<string, unknown> & { id: string };
  /** The list's `orderBy` argument: its enum type, and react-admin's sort → a value (undefined: the default). */
  order?: { type: string; map: (sort: { field: string; order: string } | undefined) => string | undefined };
}

export interface ResourceConfig {
  /** The GraphQL object type of the records (a `Node`). */
  type: string;
  /** Selection set of a record in lists (becomes `fragment <Type>Fields on <Type>`); must include `id`. */
  fields: string;
  /** Selection on the record's own page and in mutation results (default: `fields`). */
  detailFields?: string;
  /** Selection of CSV exports (default: `fields`); personal data the role may not read comes back null. */
  exportFields?: string;
  list?: ListConfig;
  create?: MutationConfig;
  update?: MutationConfig;
  delete?: MutationConfig;
  /** Domain actions beyond CRUD, called with `dataProvider.action(resource, name, params)`. */
  actions?: Record<string, MutationConfig>;
}

const DEPARTMENT_REF = 'id code nameZh nameEn';
const DISTRICT_REF = 'id code nameZh nameEn';
const CATEGORY_REF = 'id code nameZh nameEn';

/** A Beijing calendar day (a DateInput's `YYYY-MM-DD`) → the instant it starts or ends. */
export function beijingDayStart(day: unknown): string | undefined {
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00+08:00` : undefined;
}
export function beijingDayEnd(day: unknown): string | undefined {
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59.999+08:00` : undefined;
}

/** One value or several (react-admin's SelectArrayInput, a FilterList item) → a list, or undefined. */
function list(v: unknown): unknown[] | undefined {
  if (v == null || v === '') return undefined;
  const out = Array.isArray(v) ? v : [v];
  return out.length ? out : undefined;
}

const bool = (v: unknown): boolean | undefined => (v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
/**
 * An optional value: empty → omitted (undefined drops out of the JSON). Not `null`: several of the
 * API's inputs are nullable in the schema but refuse an explicit null (reported), while all accept
 * an absent field.
 */
const opt = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : v);
/** Yuan typed in a form → integer fen, the API's unit for money. */
export const yuanToFen = (v: unknown): number | null => (v === '' || v == null || Number.isNaN(Number(v)) ? null : Math.round(Number(v) * 100));

const CASE_BASE = `id code summary status urgency kind channel domain receivedAt dispatchBy dispatchDeadline needsPoliceNow guardianInvolved version
  category { ${CATEGORY_REF} defaultUrgency suggestedDepartmentKinds parent { ${CATEGORY_REF} } }
  district { ${DISTRICT_REF} }`;
const CASE_LIST = `${CASE_BASE} dispatches { id role status deadline department { ${DEPARTMENT_REF} } }`;

const DISPATCH_OWN = `id role status round instructions acceptBy replyBy acceptedAt repliedAt returnedAt returnReason replyResult replyMeasures
  replyOutcome withdrawnAt withdrawReason createdAt deadline overdue version availableActions
  department { ${DEPARTMENT_REF} }
  extensions { id reason requestedReplyBy status decidedAt decisionNote createdAt }
  summonedBy { id department { ${DEPARTMENT_REF} } }`;

const CASE_DETAIL = `${CASE_BASE}
  narrative street perpetratorRelation reasonableSuspicion resolution closeReason statusReason closedAt receivedDay availableActions
  dispatches { ${DISPATCH_OWN} }
  timeline { at actor action entity fields detail }
  subjects { subjectId kind role reportCount name birthDate school guardianName address }
  reporter { anonymous relationToMinor mandatoryReporter mandatoryReceiptCode consentToShareContact hasSafeContact claimCode name phone organization safeContactInstructions }
  followUps { createdAt respondent resolved satisfaction note }
  linkedCases { id code summary status receivedAt }
  mergedInto { id code }
  mergeGroupRoot { id code }`;

const DISPATCH_LIST = `${DISPATCH_OWN}
  case { id code summary urgency status guardianInvolved receivedAt category { ${CATEGORY_REF} } district { ${DISTRICT_REF} } }`;

const STANDARD = 'id code version kind level nameZh nameEn criteria honourType minAmount maxAmount validFrom validTo status';

const REWARD_LIST = `id code kind status year round proposedAmount finalAmount honourType nomineePseudonym createdAt noticeStartsAt noticeEndsAt
  grantedAt flaggedForReview myVoteCast revokeReason version standard { ${STANDARD} }`;

const REWARD_DETAIL = `${REWARD_LIST} availableActions justification reviewNote flagReason grantReference certificateNumber recoverAmount
  conflictAttributes { district { ${DISTRICT_REF} } organization relationToCase }
  tally { eligibleMembers quorumNeeded voted recused approve reject abstain quorumMet majorityApproves }
  votes { round decision recused noConflictAffirmed comment createdAt member }
  objections { id round body status filedAt decidedAt decisionNote }
  trail { at actor action detail }
  payee { name phone bankName bankAccount }
  basisCase { id code summary status }
  basisSuggestion { id code title status }`;

const SUGGESTION_LIST = `id code title topic status submitterKind submittedAt decidedAt implementedAt assessedAt casesBefore casesAfter version
  evaluatingDepartment { ${DEPARTMENT_REF} } targetCategory { ${CATEGORY_REF} } targetDistrict { ${DISTRICT_REF} }`;

const SUGGESTION_DETAIL = `${SUGGESTION_LIST} content implementationNote effectEvidence claimCode submitterName
  submitterDepartment { ${DEPARTMENT_REF} } sourceCase { id code summary } mergedInto { id code }
  replies { status body createdAt }`;

const REPORT_LIST = `id title status periodStart periodEnd createdAt publishedAt version
  scope { district { ${DISTRICT_REF} } category { ${CATEGORY_REF} } domain }
  audience { ${DEPARTMENT_REF} }`;

const REPORT_DETAIL = `${REPORT_LIST} narrative recommendations updatedAt
  figures { generatedAt scopeLabel formulaVersion formulas { name text }
    tables { id title columns suppressionApplied total { value display suppressed } rows { labels count { value display suppressed } } }
    performance { fromMonth toMonth provisional finalFrom
      rows { code name dispatched responseRate resolutionRate satisfactionRate onTimeReplyRate meanAcceptHours meanReplyHours rereported overdueNow rank } }
    hotspots { kind label count { value display suppressed } trailingAverage suggestedDepartment } }`;

const caseRef = ({ id, data = {} }: { id?: unknown; data?: Input }) => ({ caseId: id, version: data.version ?? null });
const dispatchRef = ({ id, data = {} }: { id?: unknown; data?: Input }) => ({ dispatchId: id, version: data.version ?? null });
const suggestionRef = ({ id, data = {} }: { id?: unknown; data?: Input }) => ({ suggestionId: id, version: data.version ?? null });
const recordRef = ({ id, data = {} }: { id?: unknown; data?: Input }) => ({ recordId: id, version: data.version ?? null });
const reportRef = ({ id, data = {} }: { id?: unknown; data?: Input }) => ({ reportId: id, version: data.version ?? null });
/** Free text the user may have emptied on purpose: keep '' (undefined leaves the field as it is). */
const keptText = (v: unknown) => (typeof v === 'string' ? v.trim() : undefined);
const targets = (v: unknown) =>
  (Array.isArray(v) ? v : []).filter((t) => t && (t as Input).departmentId).map((t) => ({ departmentId: (t as Input).departmentId, instructions: text((t as Input).instructions) }));

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
    create: {
      field: 'createDepartment',
      inputType: 'CreateDepartmentInput',
      payloadType: 'Department',
      input: ({ data = {} }) => ({
        code: text(data.code),
        nameZh: text(data.nameZh),
        nameEn: text(data.nameEn),
        kind: data.kind,
        // omitted: under a district-level parent, the parent's district
        districtId: opt(data.districtId),
        parentId: opt(data.parentId),
        active: data.active !== false,
      }),
    },
    actions: {
      update: {
        field: 'updateDepartment',
        inputType: 'UpdateDepartmentInput',
        payloadType: 'Department',
        input: ({ id, data = {} }) => ({ id, version: data.version ?? undefined, nameZh: text(data.nameZh), nameEn: text(data.nameEn) }),
      },
      activate: { field: 'activateDepartment', inputType: 'DepartmentIdInput', payloadType: 'Department', input: ({ id, data = {} }) => ({ id, version: data.version ?? undefined }) },
      deactivate: { field: 'deactivateDepartment', inputType: 'DepartmentIdInput', payloadType: 'Department', input: ({ id, data = {} }) => ({ id, version: data.version ?? undefined }) },
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
    actions: {
      update: {
        field: 'updateUser',
        inputType: 'UpdateUserInput',
        payloadType: 'User',
        input: ({ id, data = {} }) => ({
          id,
          version: data.version ?? undefined,
          displayName: text(data.displayName),
          roles: Array.isArray(data.roles) ? data.roles : undefined,
          // the department: chosen, or explicitly none
          departmentId: data.departmentId ? data.departmentId : null,
        }),
      },
      deactivate: { field: 'deactivateUser', inputType: 'UserIdInput', payloadType: 'User', input: ({ id, data = {} }) => ({ id, version: data.version ?? undefined }) },
      reactivate: { field: 'reactivateUser', inputType: 'UserIdInput', payloadType: 'User', input: ({ id, data = {} }) => ({ id, version: data.version ?? undefined }) },
      resetPassword: { field: 'resetUserPassword', inputType: 'ResetUserPasswordInput', payloadType: 'User', input: ({ id, data = {} }) => ({ id, password: data.password }) },
    },
  },

  cases: {
    type: 'Case',
    fields: CASE_LIST,
    detailFields: CASE_DETAIL,
    exportFields: `${CASE_LIST} street resolution closedAt reporter { anonymous relationToMinor mandatoryReporter name phone }`,
    list: {
      field: 'cases',
      filterType: 'CaseFilter',
      filter: (f) => ({
        search: text(f.q),
        status: list(f.status),
        categoryId: f.categoryId,
        domain: f.domain,
        urgency: f.urgency,
        channel: f.channel,
        kind: f.kind,
        districtId: f.districtId,
        departmentId: f.departmentId,
        overdue: bool(f.overdue),
        receivedFrom: beijingDayStart(f.receivedFrom) ?? (typeof f.receivedAfter === 'string' ? f.receivedAfter : undefined),
        receivedTo: beijingDayEnd(f.receivedTo),
      }),
      order: {
        type: 'CaseOrder',
        map: (sort) =>
          sort?.field === 'dispatchBy' ? 'DISPATCH_BY_ASC' : sort?.field === 'receivedAt' && sort.order === 'ASC' ? 'RECEIVED_AT_ASC' : 'RECEIVED_AT_DESC',
      },
    },
    create: {
      field: 'registerCase',
      inputType: 'RegisterCaseInput',
      payloadType: 'RegisterCasePayload',
      selection: 'claimCode receiptCode alertsRaised replayed case { ...CaseFields }',
      input: ({ data = {} }) => {
        const reporter = (data.reporter ?? {}) as Input;
        const anonymous = reporter.anonymous === true;
        return {
          channel: data.channel,
          kind: data.kind,
          categoryId: data.categoryId,
          domain: data.domain,
          urgency: opt(data.urgency),
          guardianInvolved: data.guardianInvolved === true,
          perpetratorRelation: opt(data.perpetratorRelation),
          reasonableSuspicion: data.reasonableSuspicion === true,
          districtId: opt(data.districtId),
          street: text(data.street),
          summary: data.summary,
          narrative: text(data.narrative),
          idempotencyKey: text(data.idempotencyKey),
          minors: (Array.isArray(data.minors) ? data.minors : [])
            .filter((m: Input) => text(m?.name))
            .map((m: Input) => ({
              name: text(m.name),
              birthYear: m.birthYear ? Number(m.birthYear) : null,
              school: text(m.school),
              guardianName: text(m.guardianName),
              address: text(m.address),
            })),
          reporter: anonymous
            ? { anonymous: true, relationToMinor: opt(reporter.relationToMinor), mandatoryReporter: reporter.mandatoryReporter === true, hasSafeContact: false }
            : {
                anonymous: false,
                relationToMinor: opt(reporter.relationToMinor),
                name: text(reporter.name),
                phone: text(reporter.phone),
                organization: text(reporter.organization),
                mandatoryReporter: reporter.mandatoryReporter === true,
                consentToShareContact: reporter.consentToShareContact === true,
                hasSafeContact: reporter.hasSafeContact !== false,
                safeContactInstructions: reporter.hasSafeContact === false ? null : (text(reporter.safeContactInstructions)),
              },
        };
      },
      // the claim and receipt codes exist in this response: the intake page shows them to read out
      toRecord: (p) => ({ ...(p.case as Record<string, unknown> & { id: string }), claimCode: p.claimCode, receiptCode: p.receiptCode, alertsRaised: p.alertsRaised }),
    },
    actions: {
      dispatch: {
        field: 'dispatchCase',
        inputType: 'DispatchCaseInput',
        payloadType: 'DispatchCasePayload',
        selection: 'case { ...CaseFields }',
        input: ({ id, data = {} }) => ({
          caseId: id,
          version: data.version ?? null,
          lead: { departmentId: data.leadDepartmentId, instructions: text(data.instructions) },
          assists: targets(data.assists),
        }),
        toRecord: (p) => p.case as Record<string, unknown> & { id: string },
      },
      followUp: {
        field: 'recordFollowUp',
        inputType: 'RecordFollowUpInput',
        payloadType: 'RecordFollowUpPayload',
        selection: 'case { ...CaseFields }',
        input: ({ id, data = {} }) => ({
          ...caseRef({ id, data }),
          respondent: data.respondent,
          resolved: data.resolved === true,
          satisfaction: opt(data.satisfaction),
          note: text(data.note),
          safeContactObserved: data.safeContactObserved === true,
        }),
        toRecord: (p) => p.case as Record<string, unknown> & { id: string },
      },
      close: {
        field: 'closeCase',
        inputType: 'CloseCaseInput',
        payloadType: 'Case',
        input: ({ id, data = {} }) => ({ ...caseRef({ id, data }), reason: text(data.reason) }),
      },
      reopen: {
        field: 'reopenCase',
        inputType: 'ReopenCaseInput',
        payloadType: 'Case',
        input: ({ id, data = {} }) => ({ ...caseRef({ id, data }), reason: data.reason, flagRewardForReview: data.flagRewardForReview === true }),
      },
      merge: {
        field: 'mergeCase',
        inputType: 'MergeCaseInput',
        payloadType: 'Case',
        input: ({ id, data = {} }) => ({ ...caseRef({ id, data }), intoCaseId: data.intoCaseId, reason: data.reason }),
      },
      invalidate: {
        field: 'invalidateCase',
        inputType: 'InvalidateCaseInput',
        payloadType: 'Case',
        input: ({ id, data = {} }) => ({ ...caseRef({ id, data }), reason: data.reason }),
      },
    },
  },

  dispatches: {
    type: 'Dispatch',
    fields: DISPATCH_LIST,
    list: {
      field: 'dispatches',
      filterType: 'DispatchFilter',
      filter: (f) => ({
        status: list(f.status),
        departmentId: f.departmentId,
        caseId: f.caseId,
        role: f.role,
        overdue: bool(f.overdue),
        dueSoon: bool(f.dueSoon),
      }),
    },
    actions: {
      accept: { field: 'acceptDispatch', inputType: 'AcceptDispatchInput', payloadType: 'Dispatch', input: dispatchRef },
      return: { field: 'returnDispatch', inputType: 'ReturnDispatchInput', payloadType: 'Dispatch', input: ({ id, data = {} }) => ({ ...dispatchRef({ id, data }), reason: data.reason }) },
      withdraw: { field: 'withdrawDispatch', inputType: 'WithdrawDispatchInput', payloadType: 'Dispatch', input: ({ id, data = {} }) => ({ ...dispatchRef({ id, data }), reason: data.reason }) },
      reply: {
        field: 'replyDispatch',
        inputType: 'ReplyDispatchInput',
        payloadType: 'Dispatch',
        input: ({ id, data = {} }) => ({ ...dispatchRef({ id, data }), result: data.result, measures: text(data.measures), outcome: opt(data.outcome) }),
      },
      summon: {
        field: 'summonDepartments',
        inputType: 'SummonDepartmentsInput',
        payloadType: 'MutationSummonDepartmentsSuccess',
        selection: 'data { id }',
        input: ({ id, data = {} }) => ({
          ...dispatchRef({ id, data }),
          departments: (Array.isArray(data.departmentIds) ? data.departmentIds : []).map((d) => ({ departmentId: d, instructions: text(data.instructions) })),
        }),
        toRecord: () => ({ id: 'summoned' }),
      },
      requestExtension: {
        field: 'requestExtension',
        inputType: 'RequestExtensionInput',
        payloadType: 'ExtensionRequest',
        selection: 'id status requestedReplyBy',
        input: ({ id, data = {} }) => ({ ...dispatchRef({ id, data }), reason: data.reason, requestedReplyBy: data.requestedReplyBy }),
      },
      decideExtension: {
        field: 'decideExtension',
        inputType: 'DecideExtensionInput',
        payloadType: 'ExtensionRequest',
        selection: 'id status decidedAt decisionNote',
        input: ({ id, data = {} }) => ({ extensionId: id, approve: data.approve === true, note: text(data.note) }),
      },
    },
  },

  caseCategories: {
    type: 'CaseCategory',
    fields: `${CATEGORY_REF} active defaultUrgency suggestedDepartmentKinds version parent { ${CATEGORY_REF} }`,
    create: {
      field: 'createCaseCategory',
      inputType: 'CreateCaseCategoryInput',
      payloadType: 'CaseCategory',
      input: ({ data = {} }) => ({
        code: text(data.code),
        nameZh: text(data.nameZh),
        nameEn: text(data.nameEn),
        parentId: opt(data.parentId),
        defaultUrgency: opt(data.defaultUrgency),
        suggestedDepartmentKinds: Array.isArray(data.suggestedDepartmentKinds) ? data.suggestedDepartmentKinds : [],
        active: data.active !== false,
      }),
    },
    actions: {
      update: {
        field: 'updateCaseCategory',
        inputType: 'UpdateCaseCategoryInput',
        payloadType: 'CaseCategory',
        input: ({ id, data = {} }) => ({
          id,
          version: data.version ?? undefined,
          nameZh: text(data.nameZh),
          nameEn: text(data.nameEn),
          // empty: no default urgency (the operator chooses)
          defaultUrgency: data.defaultUrgency ? data.defaultUrgency : null,
          suggestedDepartmentKinds: Array.isArray(data.suggestedDepartmentKinds) ? data.suggestedDepartmentKinds : undefined,
          active: typeof data.active === 'boolean' ? data.active : undefined,
        }),
      },
    },
    list: {
      field: 'caseCategories',
      kind: 'array',
      match: (c, f) => {
        const q = typeof f.q === 'string' ? f.q.trim().toLowerCase() : '';
        const parent = (c.parent ?? {}) as Input;
        return !q || [c.code, c.nameZh, c.nameEn, parent.nameZh, parent.nameEn].some((v) => String(v ?? '').toLowerCase().includes(q));
      },
    },
  },

  suggestions: {
    type: 'Suggestion',
    fields: SUGGESTION_LIST,
    detailFields: SUGGESTION_DETAIL,
    list: {
      field: 'suggestions',
      filterType: 'SuggestionFilter',
      filter: (f) => ({ status: list(f.status), evaluatingDepartmentId: f.evaluatingDepartmentId }),
    },
    create: {
      field: 'submitSuggestion',
      inputType: 'SubmitSuggestionInput',
      payloadType: 'SubmitSuggestionPayload',
      selection: 'claimCode suggestion { ...SuggestionFields }',
      input: ({ data = {} }) => {
        const sub = (data.submitter ?? {}) as Input;
        return {
          title: data.title,
          content: data.content,
          topic: text(data.topic),
          targetCategoryId: opt(data.targetCategoryId),
          targetDistrictId: opt(data.targetDistrictId),
          sourceCaseId: opt(data.sourceCaseId),
          submitter:
            sub.anonymous === true
              ? { anonymous: true }
              : { anonymous: false, name: text(sub.name), phone: text(sub.phone), organization: text(sub.organization) },
        };
      },
      toRecord: (p) => ({ ...(p.suggestion as Record<string, unknown> & { id: string }), claimCode: p.claimCode }),
    },
    actions: {
      assign: {
        field: 'assignSuggestion',
        inputType: 'AssignSuggestionInput',
        payloadType: 'Suggestion',
        input: ({ id, data = {} }) => ({ ...suggestionRef({ id, data }), departmentId: data.departmentId, note: text(data.note) }),
      },
      decide: {
        field: 'decideSuggestion',
        inputType: 'DecideSuggestionInput',
        payloadType: 'Suggestion',
        input: ({ id, data = {} }) => ({ ...suggestionRef({ id, data }), adopt: data.adopt === true, reply: data.reply }),
      },
      implement: {
        field: 'recordImplementation',
        inputType: 'RecordImplementationInput',
        payloadType: 'Suggestion',
        input: ({ id, data = {} }) => ({ ...suggestionRef({ id, data }), note: data.note, reply: data.reply }),
      },
      assess: {
        field: 'assessSuggestionEffect',
        inputType: 'AssessSuggestionEffectInput',
        payloadType: 'Suggestion',
        input: ({ id, data = {} }) => ({ ...suggestionRef({ id, data }), effective: data.effective === true, evidence: data.evidence, reply: data.reply }),
      },
      merge: {
        field: 'mergeSuggestion',
        inputType: 'MergeSuggestionInput',
        payloadType: 'Suggestion',
        input: ({ id, data = {} }) => ({ ...suggestionRef({ id, data }), intoSuggestionId: data.intoSuggestionId, reply: data.reply }),
      },
    },
  },

  rewardRecords: {
    type: 'RewardRecord',
    fields: REWARD_LIST,
    detailFields: REWARD_DETAIL,
    list: {
      field: 'rewardRecords',
      filterType: 'RewardRecordFilter',
      filter: (f) => ({ status: list(f.status), kind: f.kind, year: f.year ? Number(f.year) : undefined, pendingMyVote: bool(f.pendingMyVote) }),
    },
    create: {
      field: 'nominateReward',
      inputType: 'NominateRewardInput',
      payloadType: 'RewardRecord',
      input: ({ data = {} }) => ({
        kind: data.kind,
        basisCaseId: data.kind === 'REPORT_REWARD' ? opt(data.basisCaseId) : null,
        basisSuggestionId: data.kind === 'SUGGESTION_REWARD' ? opt(data.basisSuggestionId) : null,
        standardId: data.standardId,
        proposedAmount: yuanToFen(data.proposedAmountYuan),
        justification: data.justification,
      }),
    },
    actions: {
      review: {
        field: 'reviewReward',
        inputType: 'ReviewRewardInput',
        payloadType: 'ReviewRewardPayload',
        selection: 'eligibility { eligible reason caseStatus leadOutcome mandatoryReporter earlierReports suggestionStatus } record { ...RewardRecordFields }',
        input: ({ id, data = {} }) => ({ ...recordRef({ id, data }), eligible: typeof data.eligible === 'boolean' ? data.eligible : null, note: text(data.note) }),
        toRecord: (p) => ({ ...(p.record as Record<string, unknown> & { id: string }), eligibility: p.eligibility }),
      },
      vote: {
        field: 'castCommitteeVote',
        inputType: 'CastCommitteeVoteInput',
        payloadType: 'CommitteeVote',
        selection: 'round decision recused noConflictAffirmed member',
        input: ({ id, data = {} }) => ({
          recordId: id,
          recuse: data.recuse === true,
          decision: data.recuse === true ? null : opt(data.decision),
          noConflict: data.recuse === true ? false : data.noConflict === true,
          comment: text(data.comment),
        }),
        toRecord: (p) => ({ id: 'vote', ...p }),
      },
      finalize: {
        field: 'finalizeRewardDecision',
        inputType: 'FinalizeRewardDecisionInput',
        payloadType: 'RewardRecord',
        input: ({ id, data = {} }) => ({
          ...recordRef({ id, data }),
          finalAmount: data.finalAmountYuan != null && data.finalAmountYuan !== '' ? yuanToFen(data.finalAmountYuan) : null,
          approve: typeof data.approve === 'boolean' ? data.approve : null,
          note: text(data.note),
        }),
      },
      startNotice: {
        field: 'startPublicNotice',
        inputType: 'StartPublicNoticeInput',
        payloadType: 'RewardRecord',
        input: ({ id, data = {} }) => ({ ...recordRef({ id, data }), days: data.days === '' || data.days == null ? null : Number(data.days) }),
      },
      decideObjection: {
        field: 'decideObjection',
        inputType: 'DecideObjectionInput',
        payloadType: 'NoticeObjection',
        selection: 'id status decidedAt decisionNote',
        input: ({ id, data = {} }) => ({ objectionId: id, uphold: data.uphold === true, note: data.note }),
      },
      grant: {
        field: 'grantReward',
        inputType: 'GrantRewardInput',
        payloadType: 'RewardRecord',
        input: ({ id, data = {} }) => ({ ...recordRef({ id, data }), paymentReference: data.paymentReference, certificateNumber: text(data.certificateNumber) }),
      },
      revoke: {
        field: 'revokeReward',
        inputType: 'RevokeRewardInput',
        payloadType: 'RewardRecord',
        input: ({ id, data = {} }) => ({ recordId: id, reason: text(data.reason), recoverAmount: data.recoverAmountYuan != null && data.recoverAmountYuan !== '' ? yuanToFen(data.recoverAmountYuan) : null }),
      },
    },
  },

  rewardStandards: {
    type: 'RewardStandard',
    fields: STANDARD,
    list: {
      field: 'rewardStandards',
      kind: 'array',
      match: (r, f) => {
        const q = typeof f.q === 'string' ? f.q.trim().toLowerCase() : '';
        return !q || [r.code, r.nameZh, r.nameEn, r.level].some((v) => String(v ?? '').toLowerCase().includes(q));
      },
    },
    create: {
      field: 'createRewardStandard',
      inputType: 'CreateRewardStandardInput',
      payloadType: 'RewardStandard',
      input: ({ data = {} }) => ({
        code: data.code,
        kind: data.kind,
        level: data.level,
        nameZh: data.nameZh,
        nameEn: data.nameEn,
        criteria: data.criteria,
        honourType: data.honourType,
        minAmount: yuanToFen(data.minAmountYuan),
        maxAmount: yuanToFen(data.maxAmountYuan),
        validFrom: data.validFrom,
        validTo: opt(data.validTo),
      }),
    },
    actions: {
      activate: { field: 'activateRewardStandard', inputType: 'RewardStandardIdInput', payloadType: 'RewardStandard', input: ({ id }) => ({ id }) },
      retire: { field: 'retireRewardStandard', inputType: 'RewardStandardIdInput', payloadType: 'RewardStandard', input: ({ id }) => ({ id }) },
    },
  },

  slaPolicies: {
    type: 'SlaPolicy',
    fields: 'id phase urgency amount unit version',
    list: { field: 'slaPolicies', kind: 'array' },
    actions: {
      update: {
        field: 'updateSlaPolicy',
        inputType: 'UpdateSlaPolicyInput',
        payloadType: 'SlaPolicy',
        input: ({ id, data = {} }) => ({ id, version: data.version ?? undefined, amount: Number(data.amount), unit: data.unit }),
      },
    },
  },

  /** The working-day calendar: its page reads `holidays(year:)` itself (queries.ts HOLIDAYS). */
  holidays: {
    type: 'CalendarDay',
    fields: 'id day kind nameZh nameEn',
    actions: {
      set: {
        field: 'setCalendarDay',
        inputType: 'SetCalendarDayInput',
        payloadType: 'CalendarDay',
        input: ({ data = {} }) => ({ day: data.day, kind: data.kind, nameZh: text(data.nameZh), nameEn: text(data.nameEn) }),
      },
      remove: { field: 'removeCalendarDay', inputType: 'RemoveCalendarDayInput', payloadType: 'CalendarDay', input: ({ data = {} }) => ({ day: data.day }) },
    },
  },

  publicNotices: {
    type: 'PublicNotice',
    fields: 'code kind nomineeMasked amount honourType standardName noticeStartsAt noticeEndsAt',
    list: { field: 'publicNotices', kind: 'array', toRecord: (r) => ({ ...r, id: String(r.code) }) },
  },

  analysisReports: {
    type: 'AnalysisReport',
    fields: REPORT_LIST,
    detailFields: REPORT_DETAIL,
    list: { field: 'analysisReports', filterType: 'AnalysisReportFilter', filter: (f) => ({ status: f.status }) },
    create: {
      field: 'createAnalysisReport',
      inputType: 'CreateAnalysisReportInput',
      payloadType: 'AnalysisReport',
      input: ({ data = {} }) => {
        const scope = (data.scope ?? {}) as Input;
        return {
          title: data.title,
          periodStart: data.periodStart,
          periodEnd: data.periodEnd,
          scope: { districtId: opt(scope.districtId), categoryId: opt(scope.categoryId), domain: opt(scope.domain) },
        };
      },
    },
    update: {
      field: 'updateAnalysisReport',
      inputType: 'UpdateAnalysisReportInput',
      payloadType: 'AnalysisReport',
      input: ({ id, data = {} }) => ({ ...reportRef({ id, data }), title: text(data.title), narrative: keptText(data.narrative), recommendations: keptText(data.recommendations) }),
    },
    actions: {
      publish: {
        field: 'publishAnalysisReport',
        inputType: 'PublishAnalysisReportInput',
        payloadType: 'AnalysisReport',
        input: ({ id, data = {} }) => ({ ...reportRef({ id, data }), audienceDepartmentIds: Array.isArray(data.departmentIds) ? data.departmentIds : undefined }),
      },
      // a draft's figures taken again (e.g. cases registered late for the period)
      refresh: {
        field: 'updateAnalysisReport',
        inputType: 'UpdateAnalysisReportInput',
        payloadType: 'AnalysisReport',
        input: ({ id, data = {} }) => ({ ...reportRef({ id, data }), refreshFigures: true }),
      },
    },
  },

  auditEvents: {
    type: 'AuditEvent',
    fields: 'id at actor actorKind action entity entityId fields detail',
    list: {
      field: 'auditEvents',
      filterType: 'AuditEventFilter',
      filter: (f) => ({ entity: f.entity, action: f.action, actor: f.actor }),
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

/** The committee member's inbox: reward records in committee on which the viewer has not voted or recused. */
RESOURCES.rewardInbox = {
  ...RESOURCES.rewardRecords!,
  // what a member needs to spot a conflict of interest, without the name
  fields: `${REWARD_LIST} conflictAttributes { district { ${DISTRICT_REF} } organization relationToCase }`,
  list: { ...RESOURCES.rewardRecords!.list!, filter: (f) => RESOURCES.rewardRecords!.list!.filter!({ ...f, pendingMyVote: true }) },
  create: undefined,
};
