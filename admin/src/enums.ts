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

/** GraphQL enum name → the values above, and the i18n key prefix of their labels. */
export const ENUMS = {
  Role: { values: ROLES, i18n: 'guardline.enum.role' },
  DepartmentKind: { values: DEPARTMENT_KINDS, i18n: 'guardline.enum.departmentKind' },
  ApiTokenKind: { values: API_TOKEN_KINDS, i18n: 'guardline.enum.apiTokenKind' },
} as const;

/** Choices for SelectInput & co: the label is a translation key (react-admin translates choices). */
export function enumChoices(name: keyof typeof ENUMS): { id: string; name: string }[] {
  const e = ENUMS[name];
  return e.values.map((v) => ({ id: v, name: `${e.i18n}.${v}` }));
}
