// English: react-admin's own catalog plus ours. zh.ts must have exactly the same keys (i18n.test.ts).
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

export const en: TranslationMessages = {
  ...englishMessages,
  resources: {
    departments: {
      name: 'Department |||| Departments',
      fields: {
        code: 'Code',
        name: 'Name',
        nameZh: 'Chinese name',
        nameEn: 'English name',
        kind: 'Kind',
        district: 'District',
        districtId: 'District',
        parent: 'Parent department',
        active: 'Active',
        version: 'Version',
        children: 'Sub-departments',
        q: 'Search',
      },
    },
    districts: {
      name: 'District |||| Districts',
      fields: {
        code: 'Code',
        nameZh: 'Chinese name',
        nameEn: 'English name',
      },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        username: 'Username',
        displayName: 'Display name',
        password: 'Initial password',
        roles: 'Roles',
        department: 'Department',
        departmentId: 'Department',
        active: 'Active',
        createdAt: 'Created',
      },
    },
    apiTokens: {
      name: 'API token |||| API tokens',
      fields: {
        name: 'Name',
        kind: 'Kind',
        department: 'Department',
        departmentId: 'Department',
        scopes: 'Scopes',
        tokenPrefix: 'Prefix',
        active: 'Active',
        createdAt: 'Issued',
        lastUsedAt: 'Last used',
        revokedAt: 'Revoked',
      },
    },
  },
  guardline: {
    app: {
      name: 'Guardline',
      title: 'Guardline · 12345 Minor Protection Desk',
      subtitle: '12345 Minor Protection Desk',
    },
    auth: {
      locked: 'Too many failed sign-ins: the account is locked for a while. Please try again later.',
    },
    dashboard: {
      greeting: 'Hello, %{name}',
      roles: 'Signed in as',
      department: 'Department: %{name}',
      overview: 'Overview',
      placeholder: 'Case figures and charts will appear here in a later release.',
      shortcuts: 'Shortcuts',
      no_shortcuts: 'No pages are open to your role yet.',
    },
    departments: {
      no_parent: 'Top level (no parent)',
      no_children: 'No sub-departments',
    },
    users: {
      department_required: 'A department handler must belong to a department',
      password_help: 'At least 10 characters; give it to the person through a safe channel.',
      roles_help: 'What this account may do; a department handler also needs a department.',
    },
    apiTokens: {
      issue: 'Issue token',
      issue_title: 'Issue an API token',
      kind_help: 'DEPARTMENT: a partner system with the rights of one department\'s handler. INTAKE: the general 12345 line, registering cases only.',
      scopes_help: 'Optional; press Enter after each scope.',
      secret_title: 'Token issued',
      secret_help: 'Copy the secret now and hand it to the partner system securely. It is shown only this once: the server keeps only its hash.',
      copy: 'Copy',
      copied: 'Copied',
      done: 'I have saved it',
      revoke: 'Revoke',
      revoke_title: 'Revoke token "%{name}"?',
      revoke_content: 'Systems using this token lose access at once. A revoked token cannot be restored.',
      revoked: 'Token revoked',
    },
    enum: {
      role: {
        OPERATOR: 'Hotline operator',
        SUPERVISOR: 'Shift supervisor',
        DEPARTMENT_HANDLER: 'Department handler',
        ANALYST: 'Analyst',
        REWARD_SECRETARY: 'Reward secretary',
        COMMITTEE_MEMBER: 'Committee member',
        COMMITTEE_CHAIR: 'Committee chair',
        ADMIN: 'Administrator',
      },
      departmentKind: {
        PUBLIC_SECURITY: 'Public security',
        CIVIL_AFFAIRS: 'Civil affairs',
        EDUCATION: 'Education',
        HEALTH: 'Health',
        CYBERSPACE: 'Cyberspace',
        PROCURATORATE: 'Procuratorate',
        COURT: 'Court',
        WOMENS_FEDERATION: "Women's federation",
        YOUTH_LEAGUE: 'Youth league',
        DISTRICT_GOVERNMENT: 'District government',
        STREET_OFFICE: 'Street office',
        OTHER: 'Other',
      },
      apiTokenKind: {
        DEPARTMENT: 'Department',
        INTAKE: '12345 intake',
      },
    },
  },
};

export default en;
