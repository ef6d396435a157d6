// The panel's own queries beyond resources.ts (routing suggestions, budget, committee rules, dashboard
// counts). queries.test.ts validates each against schema/schema.graphql.

const DEPARTMENT = 'id code nameZh nameEn kind district { id nameZh nameEn }';

export const SUGGESTED_DEPARTMENTS = `query SuggestedDepartments($categoryId: ID!, $districtId: ID) {
  suggestedDepartments(categoryId: $categoryId, districtId: $districtId) { ${DEPARTMENT} }
}`;

export const SEARCH_DEPARTMENTS = `query SearchDepartments($search: String) {
  departments(first: 30, filter: { search: $search, active: true }) { edges { node { ${DEPARTMENT} } } }
}`;

export const CASE_BY_CODE = `query CaseByCode($code: String!) { caseByCode(code: $code) { id code summary status receivedAt } }`;

export const REWARD_BUDGET = `query RewardBudget($year: Int) { rewardBudget(year: $year) { year total committed granted remaining version } }`;

export const SET_REWARD_BUDGET = `mutation SetRewardBudget($input: SetRewardBudgetInput!) {
  setRewardBudget(input: $input) { __typename ... on RewardBudget { year total committed granted remaining version } ... on Error { code message field } }
}`;

export const HOLIDAYS = `query Holidays($year: Int!) { holidays(year: $year) { id day kind nameZh nameEn } }`;

export const COMMITTEE_CONFIG = `query CommitteeConfig { committeeConfig { quorumPercent majorityPercent noticeDays secondApprovalThreshold version } }`;

export const UPDATE_COMMITTEE_CONFIG = `mutation UpdateCommitteeConfig($input: UpdateCommitteeConfigInput!) {
  updateCommitteeConfig(input: $input) { __typename ... on CommitteeConfig { quorumPercent majorityPercent noticeDays secondApprovalThreshold version } ... on Error { code message field } }
}`;

export const ACTIVE_STANDARDS = `query ActiveStandards($kind: RewardKind) {
  rewardStandards(kind: $kind, status: [ACTIVE]) { id code version kind level nameZh nameEn criteria honourType minAmount maxAmount validFrom validTo status }
}`;

export const CLAIM_STATUS = `query ClaimStatus($claimCode: String!) {
  rewardClaimStatus(claimCode: $claimCode) {
    __typename
    ... on QueryRewardClaimStatusSuccess { data { recordCode status noticeEndsAt claimed grantedAt } }
    ... on Error { code message field }
  }
}`;

export const CLAIM_REWARD = `mutation ClaimReward($input: ClaimRewardInput!) {
  claimReward(input: $input) { __typename ... on ClaimRewardPayload { recordCodes } ... on Error { code message field } }
}`;

export const PUBLIC_NOTICES = `query PublicNotices { publicNotices { code kind nomineeMasked amount honourType standardName noticeStartsAt noticeEndsAt } }`;

export const FILE_OBJECTION = `mutation FileObjection($input: FileNoticeObjectionInput!) {
  fileNoticeObjection(input: $input) { __typename ... on FileNoticeObjectionPayload { received } ... on Error { code message field } }
}`;

/** The dispatch queue's live feed (server-sent events). */
export const DISPATCH_EVENTS = `subscription DispatchEvents($departmentId: ID) {
  dispatchEvents(departmentId: $departmentId) { kind at dispatch { id status role case { id code summary } department { id nameZh nameEn } } }
}`;

/** Counts for the dashboard: one alias per figure, `totalCount` only (at most 20 aliases a request). */
export function countQuery(name: string, field: 'cases' | 'dispatches' | 'rewardRecords' | 'suggestions', filterType: string, aliases: string[]): string {
  const vars = aliases.map((a) => `$${a}: ${filterType}`).join(', ');
  const body = aliases.map((a) => `${a}: ${field}(first: 1, filter: $${a}) { totalCount }`).join(' ');
  return `query ${name}(${vars}) { ${body} }`;
}

/** The three rates (响应率, 解决率, 满意率) per department over Beijing months (analytics). */
export const DEPARTMENT_PERFORMANCE = `query DepartmentPerformance($fromMonth: String!, $toMonth: String) {
  departmentPerformance(fromMonth: $fromMonth, toMonth: $toMonth) {
    provisional formulaVersion
    rows { department { id nameZh nameEn } rank responseRate { value } resolutionRate { value } satisfactionRate { value } }
  }
}`;

/** An analysis report as a file (CSV with BOM, or XLSX), base64-encoded by the server. */
export const ANALYSIS_REPORT_EXPORT = `query AnalysisReportExport($id: ID!, $format: AnalysisReportExportFormat!) {
  node(id: $id) { ... on AnalysisReport { export(format: $format) { filename mimeType base64 } } }
}`;

/** Subjects that reached the report threshold (supervisors), with the cases behind each. */
export const SUBJECT_ALERTS = `query SubjectAlerts($openOnly: Boolean, $first: Int, $after: String) {
  subjectAlerts(openOnly: $openOnly, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id reportCount subjectKind raisedAt acknowledgedAt cases(first: 10) { totalCount edges { node { id code summary status receivedAt } } } } }
  }
}`;

export const ACKNOWLEDGE_SUBJECT_ALERT = `mutation AcknowledgeSubjectAlert($alertId: ID!) {
  acknowledgeSubjectAlert(alertId: $alertId) { __typename ... on SubjectAlert { id acknowledgedAt } ... on Error { code message field } }
}`;
