// Who may use what in the panel: one table, mirroring the role table of DESIGN.md ("Roles").
// Default deny: a resource or action not listed for any of the user's roles is refused, and its menu
// entry is hidden. This only shapes the UI — the server enforces every rule again on every field.
//
// Resources are named after the API's list fields (`departments`, `cases`, `rewardRecords`, …);
// actions are react-admin's (`list`, `show`, `create`, `edit`, `delete`, `export`) plus the domain
// actions a page offers (`revoke`, `dispatch`, `vote`, …), named after their mutations.
import type { Role } from './enums';

export type Action = string;
type Grants = Readonly<Record<string, readonly Action[]>>;

const READ = ['list', 'show', 'export'] as const;
/** Reference data that the desk's own pages look up (filters, pickers, links). */
const REFERENCE: Grants = { departments: READ, districts: READ, caseCategories: READ };

const OPERATOR: Grants = {
  ...REFERENCE,
  cases: [...READ, 'create', 'classify', 'dispatch', 'answerDirectly', 'followUp', 'close'],
  dispatches: [...READ, 'withdraw'],
  suggestions: [...READ, 'create'],
  departmentPerformance: ['list'],
  // published reports (the server hides drafts from the desk)
  analysisReports: READ,
};

/** Writing, refreshing and publishing analysis reports (analysts and supervisors). */
const REPORT_WRITER = [...READ, 'create', 'edit', 'publish'];

export const PERMISSIONS: Readonly<Record<Role, Grants>> = {
  OPERATOR,
  SUPERVISOR: {
    ...OPERATOR,
    cases: [...OPERATOR.cases!, 'merge', 'invalidate', 'reopen', 'decideExtension'],
    suggestions: [...OPERATOR.suggestions!, 'assign', 'merge'],
    subjectAlerts: [...READ, 'acknowledge'],
    analysisReports: REPORT_WRITER,
    // "create" is nominating
    rewardRecords: [...READ, 'create', 'nominate'],
    rewardStandards: ['list', 'show'],
    rewardBudgets: ['list', 'show'],
  },
  DEPARTMENT_HANDLER: {
    ...REFERENCE,
    // only its own department's dispatches and their cases: the server filters
    dispatches: [...READ, 'accept', 'return', 'reply', 'summon', 'requestExtension'],
    cases: READ,
    suggestions: [...READ, 'create', 'decide', 'implement', 'assess'],
    analysisReports: READ,
    departmentPerformance: ['list'],
  },
  ANALYST: {
    ...REFERENCE,
    analytics: READ,
    departmentPerformance: READ,
    hotspots: READ,
    analysisReports: REPORT_WRITER,
  },
  REWARD_SECRETARY: {
    rewardRecords: [...READ, 'review', 'startNotice', 'decideObjection', 'takePayment', 'grant', 'revoke'],
    rewardStandards: ['list', 'show'],
    rewardBudgets: ['list', 'show'],
    publicNotices: READ,
    committeeConfig: ['list', 'show'],
  },
  COMMITTEE_MEMBER: {
    rewardInbox: ['list'],
    rewardRecords: ['list', 'show', 'vote'],
    rewardStandards: ['list', 'show'],
  },
  COMMITTEE_CHAIR: {
    rewardInbox: ['list'],
    rewardRecords: [...READ, 'vote', 'finalize', 'secondApproval', 'revoke'],
    rewardStandards: ['list', 'show'],
    rewardBudgets: ['list', 'show'],
    publicNotices: READ,
    committeeConfig: ['list', 'show'],
  },
  // users, tokens, reference data, SLA, committee, standards, budgets, audit — no case content
  ADMIN: {
    departments: [...READ, 'create', 'edit'],
    districts: READ,
    caseCategories: [...READ, 'create', 'edit'],
    users: [...READ, 'create', 'edit', 'deactivate', 'resetPassword'],
    apiTokens: [...READ, 'create', 'revoke'],
    slaPolicies: [...READ, 'create', 'edit'],
    holidays: [...READ, 'create', 'edit', 'delete'],
    committeeConfig: ['list', 'show', 'edit'],
    rewardStandards: [...READ, 'create', 'activate', 'retire'],
    rewardBudgets: [...READ, 'create', 'edit'],
    auditEvents: READ,
  },
};

/** May someone with `roles` do `action` on `resource`? Unknown roles, resources and actions: no. */
export function can(roles: readonly string[], resource: string, action: Action): boolean {
  return roles.some((role) => {
    const grants = (PERMISSIONS as Record<string, Grants | undefined>)[role];
    return grants?.[resource]?.includes(action) ?? false;
  });
}
