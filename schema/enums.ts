// Every enumerated value of the domain, once. Tables check them, GraphQL exposes them.
export const ROLES = ['OPERATOR', 'SUPERVISOR', 'DEPARTMENT_HANDLER', 'ANALYST', 'REWARD_SECRETARY', 'COMMITTEE_MEMBER', 'COMMITTEE_CHAIR', 'ADMIN'] as const;
export const DEPARTMENT_KINDS = ['PUBLIC_SECURITY', 'CIVIL_AFFAIRS', 'EDUCATION', 'HEALTH', 'CYBERSPACE', 'PROCURATORATE', 'COURT', 'WOMENS_FEDERATION', 'YOUTH_LEAGUE', 'DISTRICT_GOVERNMENT', 'STREET_OFFICE', 'OTHER'] as const;
export const URGENCIES = ['IMMEDIATE', 'URGENT', 'NORMAL'] as const;
export const SLA_PHASES = ['DISPATCH', 'ACCEPT', 'REPLY'] as const;
export const SLA_UNITS = ['HOURS', 'WORKING_DAYS'] as const;
export const CALENDAR_DAY_KINDS = ['HOLIDAY', 'WORKDAY'] as const;
export const TOKEN_KINDS = ['DEPARTMENT', 'INTAKE'] as const;

export const CASE_CHANNELS = ['HOTLINE', 'TRANSFER_12345', 'WALK_IN', 'LETTER'] as const;
export const CASE_KINDS = ['REPORT', 'CONSULTATION', 'HELP_REQUEST'] as const;
export const PROTECTION_DOMAINS = ['FAMILY', 'SCHOOL', 'SOCIETY', 'NETWORK', 'GOVERNMENT', 'JUDICIAL'] as const;
export const CASE_STATUSES = ['RECEIVED', 'DISPATCHED', 'IN_PROGRESS', 'REPLIED', 'FOLLOWED_UP', 'CLOSED', 'REOPENED', 'MERGED', 'INVALID'] as const;
export const CASE_RESOLUTIONS = ['ANSWERED_DIRECTLY', 'FOLLOWED_UP', 'ANONYMOUS_REPORTER', 'NO_SAFE_CONTACT'] as const;
export const PERPETRATOR_RELATIONS = ['PARENT', 'STEP_PARENT', 'GRANDPARENT', 'RELATIVE', 'HOUSEHOLD_MEMBER', 'TEACHER', 'SCHOOL_STAFF', 'PEER', 'ACQUAINTANCE', 'STRANGER', 'ONLINE_CONTACT', 'INSTITUTION', 'UNKNOWN', 'NONE'] as const;
export const REPORTER_RELATIONS = ['SELF', 'PARENT', 'RELATIVE', 'NEIGHBOUR', 'TEACHER', 'DOCTOR', 'SOCIAL_WORKER', 'POLICE', 'CLASSMATE', 'PASSER_BY', 'OTHER'] as const;
export const SUBJECT_KINDS = ['MINOR', 'ADULT', 'HOUSEHOLD', 'SCHOOL', 'ADDRESS'] as const;
export const SUBJECT_ROLES = ['VICTIM', 'ALLEGED_PERPETRATOR', 'GUARDIAN', 'INVOLVED', 'LOCATION'] as const;
export const DISPATCH_ROLES = ['LEAD', 'ASSIST'] as const;
export const DISPATCH_STATUSES = ['PENDING', 'ACCEPTED', 'REPLIED', 'RETURNED', 'WITHDRAWN'] as const;
export const DISPATCH_OUTCOMES = ['SUBSTANTIATED', 'NOT_SUBSTANTIATED', 'REFERRED'] as const;
export const EXTENSION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export const FOLLOW_UP_RESPONDENTS = ['REPORTER', 'GUARDIAN', 'MINOR', 'OTHER'] as const;
export const SATISFACTIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;

export const SUGGESTION_STATUSES = ['SUBMITTED', 'UNDER_EVALUATION', 'ADOPTED', 'NOT_ADOPTED', 'IMPLEMENTED', 'EFFECTIVE', 'INEFFECTIVE', 'MERGED'] as const;
export const SUBMITTER_KINDS = ['CALLER', 'STAFF', 'DEPARTMENT', 'PUBLIC'] as const;

export const REWARD_KINDS = ['REPORT_REWARD', 'SUGGESTION_REWARD'] as const;
export const HONOUR_TYPES = ['COMMENDATION_LETTER', 'CERTIFICATE', 'HONORARY_TITLE', 'NONE'] as const;
export const STANDARD_STATUSES = ['DRAFT', 'ACTIVE', 'RETIRED'] as const;
export const REWARD_STATUSES = ['NOMINATED', 'UNDER_REVIEW', 'IN_COMMITTEE', 'AWAITING_SECOND_APPROVAL', 'APPROVED', 'PUBLIC_NOTICE', 'GRANTED', 'REJECTED', 'REVOKED'] as const;
export const VOTE_DECISIONS = ['APPROVE', 'REJECT', 'ABSTAIN'] as const;
export const OBJECTION_STATUSES = ['PENDING', 'DISMISSED', 'UPHELD'] as const;
export const REPORT_STATUSES = ['DRAFT', 'PUBLISHED'] as const;

export type Role = (typeof ROLES)[number];
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export type Urgency = (typeof URGENCIES)[number];
export type SlaPhase = (typeof SLA_PHASES)[number];
export type SlaUnit = (typeof SLA_UNITS)[number];
export type TokenKind = (typeof TOKEN_KINDS)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CaseKind = (typeof CASE_KINDS)[number];
export type CaseResolution = (typeof CASE_RESOLUTIONS)[number];
export type ReporterRelation = (typeof REPORTER_RELATIONS)[number];
export type PerpetratorRelation = (typeof PERPETRATOR_RELATIONS)[number];
export type DispatchOutcome = (typeof DISPATCH_OUTCOMES)[number];
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];
export type DispatchRole = (typeof DISPATCH_ROLES)[number];
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export type RewardStatus = (typeof REWARD_STATUSES)[number];
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export type ProtectionDomain = (typeof PROTECTION_DOMAINS)[number];
