// GraphQL enums from the one list of domain values in schema/enums.ts.
import { builder } from '../builder.js';
import * as E from '../../schema/enums.js';

const e = <T extends readonly string[]>(name: string, values: T, description?: string) =>
  builder.enumType(name, { values, description });

export const RoleEnum = e('Role', E.ROLES);
export const DepartmentKindEnum = e('DepartmentKind', E.DEPARTMENT_KINDS);
export const UrgencyEnum = e('Urgency', E.URGENCIES);
export const SlaPhaseEnum = e('SlaPhase', E.SLA_PHASES);
export const SlaUnitEnum = e('SlaUnit', E.SLA_UNITS);
export const CalendarDayKindEnum = e('CalendarDayKind', E.CALENDAR_DAY_KINDS, 'HOLIDAY: a day off (放假); WORKDAY: a weekend make-up working day (调休上班).');
export const TokenKindEnum = e('ApiTokenKind', E.TOKEN_KINDS);
export const CaseChannelEnum = e('CaseChannel', E.CASE_CHANNELS);
export const CaseKindEnum = e('CaseKind', E.CASE_KINDS);
export const ProtectionDomainEnum = e('ProtectionDomain', E.PROTECTION_DOMAINS, 'The six protections of the Minor Protection Law.');
export const CaseStatusEnum = e('CaseStatus', E.CASE_STATUSES);
export const CaseResolutionEnum = e('CaseResolution', E.CASE_RESOLUTIONS);
export const PerpetratorRelationEnum = e('PerpetratorRelation', E.PERPETRATOR_RELATIONS);
export const ReporterRelationEnum = e('ReporterRelation', E.REPORTER_RELATIONS);
export const SubjectKindEnum = e('SubjectKind', E.SUBJECT_KINDS);
export const SubjectRoleEnum = e('SubjectRole', E.SUBJECT_ROLES);
export const DispatchRoleEnum = e('DispatchRole', E.DISPATCH_ROLES);
export const DispatchStatusEnum = e('DispatchStatus', E.DISPATCH_STATUSES);
export const DispatchOutcomeEnum = e('DispatchOutcome', E.DISPATCH_OUTCOMES);
export const ExtensionStatusEnum = e('ExtensionStatus', E.EXTENSION_STATUSES);
export const FollowUpRespondentEnum = e('FollowUpRespondent', E.FOLLOW_UP_RESPONDENTS);
export const SatisfactionEnum = e('Satisfaction', E.SATISFACTIONS);
export const SuggestionStatusEnum = e('SuggestionStatus', E.SUGGESTION_STATUSES);
export const SubmitterKindEnum = e('SubmitterKind', E.SUBMITTER_KINDS);
export const RewardKindEnum = e('RewardKind', E.REWARD_KINDS);
export const HonourTypeEnum = e('HonourType', E.HONOUR_TYPES);
export const StandardStatusEnum = e('RewardStandardStatus', E.STANDARD_STATUSES);
export const RewardStatusEnum = e('RewardStatus', E.REWARD_STATUSES);
export const VoteDecisionEnum = e('VoteDecision', E.VOTE_DECISIONS);
export const ObjectionStatusEnum = e('ObjectionStatus', E.OBJECTION_STATUSES);
