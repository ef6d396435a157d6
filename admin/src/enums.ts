// Enum values of the GraphQL contract (schema/schema.graphql) that the panel shows or sends.
// enums.test.ts checks them against the schema, so a renamed or added value cannot drift silently.

export const ROLES = [
  'OPERATOR',
  'SUPERVISOR',
  'DEPARTMENT_HANDLER',
  'ANALYST',
  'REWARD_SECRETARY',
  'COMMITTEE_MEMBER',
  'COMMITTEE_CHAIR',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export const DEPARTMENT_KINDS = [
  'PUBLIC_SECURITY',
  'CIVIL_AFFAIRS',
  'EDUCATION',
  'HEALTH',
  'CYBERSPACE',
  'PROCURATORATE',
  'COURT',
  'WOMENS_FEDERATION',
  'YOUTH_LEAGUE',
  'DISTRICT_GOVERNMENT',
  'STREET_OFFICE',
  'OTHER',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const API_TOKEN_KINDS = ['DEPARTMENT', 'INTAKE'] as const;
export type ApiTokenKind = (typeof API_TOKEN_KINDS)[number];

// Cases, dispatches, suggestions and rewards (the workflow modules' enums).
export const CASE_STATUSES = ['RECEIVED', 'DISPATCHED', 'IN_PROGRESS', 'REPLIED', 'FOLLOWED_UP', 'REOPENED', 'CLOSED', 'MERGED', 'INVALID'] as const;
export const CASE_KINDS = ['REPORT', 'CONSULTATION', 'HELP_REQUEST'] as const;
export const CASE_CHANNELS = ['HOTLINE', 'TRANSFER_12345', 'WALK_IN', 'LETTER'] as const;
export const URGENCIES = ['IMMEDIATE', 'URGENT', 'NORMAL'] as const;
export const PROTECTION_DOMAINS = ['FAMILY', 'SCHOOL', 'SOCIETY', 'NETWORK', 'GOVERNMENT', 'JUDICIAL'] as const;
export const PERPETRATOR_RELATIONS = ['UNKNOWN', 'NONE', 'PARENT', 'STEP_PARENT', 'GRANDPARENT', 'RELATIVE', 'HOUSEHOLD_MEMBER', 'TEACHER', 'SCHOOL_STAFF', 'PEER', 'ACQUAINTANCE', 'ONLINE_CONTACT', 'STRANGER', 'INSTITUTION'] as const;
export const REPORTER_RELATIONS = ['SELF', 'PARENT', 'RELATIVE', 'NEIGHBOUR', 'CLASSMATE', 'TEACHER', 'DOCTOR', 'SOCIAL_WORKER', 'POLICE', 'PASSER_BY', 'OTHER'] as const;
export const CASE_RESOLUTIONS = ['ANONYMOUS_REPORTER', 'ANSWERED_DIRECTLY', 'FOLLOWED_UP', 'NO_SAFE_CONTACT'] as const;
export const CASE_ACTIONS = ['ANSWER_DIRECTLY', 'CLOSE', 'CLOSE_WITHOUT_FOLLOW_UP', 'DISPATCH', 'INVALIDATE', 'MERGE', 'RECORD_FOLLOW_UP', 'REOPEN'] as const;
export const DEADLINE_STATES = ['OVERDUE', 'DUE_SOON', 'ON_TIME', 'NONE'] as const;
export const FOLLOW_UP_RESPONDENTS = ['REPORTER', 'GUARDIAN', 'MINOR', 'OTHER'] as const;
export const SATISFACTIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
export const SUBJECT_KINDS = ['ADDRESS', 'ADULT', 'HOUSEHOLD', 'MINOR', 'SCHOOL'] as const;
export const SUBJECT_ROLES = ['ALLEGED_PERPETRATOR', 'GUARDIAN', 'INVOLVED', 'LOCATION', 'VICTIM'] as const;
export const DISPATCH_STATUSES = ['PENDING', 'ACCEPTED', 'REPLIED', 'RETURNED', 'WITHDRAWN'] as const;
export const DISPATCH_ROLES = ['LEAD', 'ASSIST'] as const;
export const DISPATCH_OUTCOMES = ['SUBSTANTIATED', 'NOT_SUBSTANTIATED', 'REFERRED'] as const;
export const DISPATCH_ACTIONS = ['ACCEPT', 'REPLY', 'REQUEST_EXTENSION', 'RETURN', 'SUMMON', 'WITHDRAW'] as const;
export const DISPATCH_EVENT_KINDS = ['ACCEPTED', 'DISPATCHED', 'EXTENSION_DECIDED', 'EXTENSION_REQUESTED', 'REOPENED', 'REPLIED', 'RETURNED', 'WITHDRAWN'] as const;
export const EXTENSION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export const REWARD_KINDS = ['REPORT_REWARD', 'SUGGESTION_REWARD'] as const;
export const REWARD_STATUSES = ['NOMINATED', 'UNDER_REVIEW', 'IN_COMMITTEE', 'AWAITING_SECOND_APPROVAL', 'APPROVED', 'PUBLIC_NOTICE', 'GRANTED', 'REJECTED', 'REVOKED'] as const;
export const HONOUR_TYPES = ['CERTIFICATE', 'COMMENDATION_LETTER', 'HONORARY_TITLE', 'NONE'] as const;
export const REWARD_STANDARD_STATUSES = ['DRAFT', 'ACTIVE', 'RETIRED'] as const;
export const VOTE_DECISIONS = ['APPROVE', 'REJECT', 'ABSTAIN'] as const;
export const OBJECTION_STATUSES = ['PENDING', 'UPHELD', 'DISMISSED'] as const;
export const SUGGESTION_STATUSES = ['SUBMITTED', 'UNDER_EVALUATION', 'ADOPTED', 'NOT_ADOPTED', 'IMPLEMENTED', 'EFFECTIVE', 'INEFFECTIVE', 'MERGED'] as const;
export const SLA_PHASES = ['DISPATCH', 'ACCEPT', 'REPLY'] as const;
export const SLA_UNITS = ['HOURS', 'WORKING_DAYS'] as const;
export const CALENDAR_DAY_KINDS = ['HOLIDAY', 'WORKDAY'] as const;
export const SUBMITTER_KINDS = ['CALLER', 'DEPARTMENT', 'PUBLIC', 'STAFF'] as const;
export const ANALYSIS_REPORT_STATUSES = ['DRAFT', 'PUBLISHED'] as const;

/** GraphQL enum name → the values above, and the i18n key prefix of their labels. */
export const ENUMS = {
  Role: { values: ROLES, i18n: 'guardline.enum.role' },
  DepartmentKind: { values: DEPARTMENT_KINDS, i18n: 'guardline.enum.departmentKind' },
  ApiTokenKind: { values: API_TOKEN_KINDS, i18n: 'guardline.enum.apiTokenKind' },
  CaseStatus: { values: CASE_STATUSES, i18n: 'guardline.enum.caseStatus' },
  CaseKind: { values: CASE_KINDS, i18n: 'guardline.enum.caseKind' },
  CaseChannel: { values: CASE_CHANNELS, i18n: 'guardline.enum.caseChannel' },
  Urgency: { values: URGENCIES, i18n: 'guardline.enum.urgency' },
  ProtectionDomain: { values: PROTECTION_DOMAINS, i18n: 'guardline.enum.protectionDomain' },
  PerpetratorRelation: { values: PERPETRATOR_RELATIONS, i18n: 'guardline.enum.perpetratorRelation' },
  ReporterRelation: { values: REPORTER_RELATIONS, i18n: 'guardline.enum.reporterRelation' },
  CaseResolution: { values: CASE_RESOLUTIONS, i18n: 'guardline.enum.caseResolution' },
  CaseAction: { values: CASE_ACTIONS, i18n: 'guardline.enum.caseAction' },
  DeadlineState: { values: DEADLINE_STATES, i18n: 'guardline.enum.deadlineState' },
  FollowUpRespondent: { values: FOLLOW_UP_RESPONDENTS, i18n: 'guardline.enum.followUpRespondent' },
  Satisfaction: { values: SATISFACTIONS, i18n: 'guardline.enum.satisfaction' },
  SubjectKind: { values: SUBJECT_KINDS, i18n: 'guardline.enum.subjectKind' },
  SubjectRole: { values: SUBJECT_ROLES, i18n: 'guardline.enum.subjectRole' },
  DispatchStatus: { values: DISPATCH_STATUSES, i18n: 'guardline.enum.dispatchStatus' },
  DispatchRole: { values: DISPATCH_ROLES, i18n: 'guardline.enum.dispatchRole' },
  DispatchOutcome: { values: DISPATCH_OUTCOMES, i18n: 'guardline.enum.dispatchOutcome' },
  DispatchAction: { values: DISPATCH_ACTIONS, i18n: 'guardline.enum.dispatchAction' },
  DispatchEventKind: { values: DISPATCH_EVENT_KINDS, i18n: 'guardline.enum.dispatchEventKind' },
  ExtensionStatus: { values: EXTENSION_STATUSES, i18n: 'guardline.enum.extensionStatus' },
  RewardKind: { values: REWARD_KINDS, i18n: 'guardline.enum.rewardKind' },
  RewardStatus: { values: REWARD_STATUSES, i18n: 'guardline.enum.rewardStatus' },
  HonourType: { values: HONOUR_TYPES, i18n: 'guardline.enum.honourType' },
  RewardStandardStatus: { values: REWARD_STANDARD_STATUSES, i18n: 'guardline.enum.rewardStandardStatus' },
  VoteDecision: { values: VOTE_DECISIONS, i18n: 'guardline.enum.voteDecision' },
  ObjectionStatus: { values: OBJECTION_STATUSES, i18n: 'guardline.enum.objectionStatus' },
  SuggestionStatus: { values: SUGGESTION_STATUSES, i18n: 'guardline.enum.suggestionStatus' },
  SubmitterKind: { values: SUBMITTER_KINDS, i18n: 'guardline.enum.submitterKind' },
  SlaPhase: { values: SLA_PHASES, i18n: 'guardline.enum.slaPhase' },
  SlaUnit: { values: SLA_UNITS, i18n: 'guardline.enum.slaUnit' },
  AnalysisReportStatus: { values: ANALYSIS_REPORT_STATUSES, i18n: 'guardline.enum.analysisReportStatus' },
  CalendarDayKind: { values: CALENDAR_DAY_KINDS, i18n: 'guardline.enum.calendarDayKind' },
} as const;

/** Choices for SelectInput & co: the label is a translation key (react-admin translates choices). */
export function enumChoices(name: keyof typeof ENUMS): { id: string; name: string }[] {
  const e = ENUMS[name];
  return e.values.map((v) => ({ id: v, name: `${e.i18n}.${v}` }));
}
