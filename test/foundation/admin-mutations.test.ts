// Administration over HTTP (ADMIN only): department names and activation, category routing hints, SLA
// policies, and accounts (roles and department, deactivation, password reset) — each a typed result,
// an audit event, and a refusal for every other role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { DEMO_PASSWORD } from '../../server/seed/demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const RESULT = '__typename ... on Error { code message field } ... on StaleVersionError { currentVersion }';

async function admin() {
  return t.login('admin');
}

async function department(code: string) {
  const r = await t.gql(`{ departments(first: 5, filter: { search: "${code}" }) { edges { node { id code nameZh nameEn active version } } } }`, {}, await admin());
  return r.data.departments.edges.map((e: any) => e.node).find((d: any) => d.code === code);
}

async function auditActions(entity: string): Promise<string[]> {
  const { auditEvents } = await import('../../schema/index.js');
  const { eq } = await import('drizzle-orm');
  const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entity, entity));
  return rows.map((r) => r.action);
}

describe('departments', () => {
  it('renames a department, with the version the admin saw; a stale version is refused', async () => {
    const d = await department('CIV-110105');
    const rename = `mutation($i: UpdateDepartmentInput!) { updateDepartment(input: $i) { ${RESULT} ... on Department { nameZh nameEn version } } }`;
    const ok = await t.gql(rename, { i: { id: d.id, version: d.version, nameZh: '朝阳区民政局（未保科）', nameEn: 'Chaoyang Civil Affairs (Minors)' } }, await admin());
    expect(ok.data.updateDepartment).toMatchObject({ __typename: 'Department', nameZh: '朝阳区民政局（未保科）', version: d.version + 1 });
    const stale = await t.gql(rename, { i: { id: d.id, version: d.version, nameZh: 'x' } }, await admin());
    expect(stale.data.updateDepartment).toMatchObject({ __typename: 'StaleVersionError', code: 'STALE_VERSION', currentVersion: d.version + 1 });
    const empty = await t.gql(rename, { i: { id: d.id, nameZh: '  ' } }, await admin());
    expect(empty.data.updateDepartment).toMatchObject({ __typename: 'ValidationError', field: 'nameZh' });
    expect(await auditActions('Department')).toContain('department.update');
  });

  it('deactivates and reactivates; an inactive department gets no routing suggestion and no dispatch', async () => {
    const d = await department('HLTH-110105');
    const deactivate = `mutation($i: DepartmentIdInput!) { deactivateDepartment(input: $i) { ${RESULT} ... on Department { active } } }`;
    const activate = `mutation($i: DepartmentIdInput!) { activateDepartment(input: $i) { ${RESULT} ... on Department { active } } }`;
    expect((await t.gql(deactivate, { i: { id: d.id } }, await admin())).data.deactivateDepartment).toMatchObject({ __typename: 'Department', active: false });
    expect((await t.gql(deactivate, { i: { id: d.id } }, await admin())).data.deactivateDepartment).toMatchObject({ __typename: 'InvalidTransitionError' });

    const cats = await t.gql(`{ caseCategories { id code } districts { id code } }`, {}, await t.login('operator'));
    const crisis = cats.data.caseCategories.find((c: any) => c.code.startsWith('HEALTH')) ?? cats.data.caseCategories.find((c: any) => c.code.includes('HEALTH'));
    const chaoyang = cats.data.districts.find((x: any) => x.code === '110105');
    if (crisis) {
      const s = await t.gql(`query($c: ID!, $d: ID) { suggestedDepartments(categoryId: $c, districtId: $d) { code } }`, { c: crisis.id, d: chaoyang.id }, await t.login('operator'));
      expect(s.data.suggestedDepartments.map((x: any) => x.code)).not.toContain('HLTH-110105');
    }
    expect((await t.gql(activate, { i: { id: d.id } }, await admin())).data.activateDepartment).toMatchObject({ __typename: 'Department', active: true });
    const actions = await auditActions('Department');
    expect(actions).toEqual(expect.arrayContaining(['department.deactivate', 'department.activate']));
  });
});

describe('case categories and SLA policies', () => {
  it("updates a category's routing hints, default urgency and names", async () => {
    const op = await admin();
    const list = await t.gql(`{ caseCategories(includeInactive: true) { id code version suggestedDepartmentKinds defaultUrgency } }`, {}, op);
    const cat = list.data.caseCategories.find((c: any) => c.code === 'SCHOOL-BULLYING') ?? list.data.caseCategories.find((c: any) => c.code.startsWith('SCHOOL-'));
    const r = await t.gql(
      `mutation($i: UpdateCaseCategoryInput!) { updateCaseCategory(input: $i) { ${RESULT} ... on CaseCategory { suggestedDepartmentKinds defaultUrgency version } } }`,
      { i: { id: cat.id, version: cat.version, suggestedDepartmentKinds: ['EDUCATION', 'PUBLIC_SECURITY', 'EDUCATION'], defaultUrgency: 'URGENT' } },
      op,
    );
    expect(r.data.updateCaseCategory).toMatchObject({ __typename: 'CaseCategory', suggestedDepartmentKinds: ['EDUCATION', 'PUBLIC_SECURITY'], defaultUrgency: 'URGENT', version: cat.version + 1 });
    expect(await auditActions('CaseCategory')).toContain('case_category.update');
  });

  it('lists the SLA policies and changes one; the next deadline follows it', async () => {
    const op = await admin();
    const list = await t.gql(`{ slaPolicies { id phase urgency amount unit version } }`, {}, op);
    expect(list.data.slaPolicies.length).toBeGreaterThanOrEqual(9);
    const p = list.data.slaPolicies.find((x: any) => x.phase === 'ACCEPT' && x.urgency === 'NORMAL');
    const update = `mutation($i: UpdateSlaPolicyInput!) { updateSlaPolicy(input: $i) { ${RESULT} ... on SlaPolicy { amount unit version } } }`;
    const bad = await t.gql(update, { i: { id: p.id, amount: 0, unit: 'HOURS' } }, op);
    expect(bad.data.updateSlaPolicy).toMatchObject({ __typename: 'ValidationError', field: 'amount' });
    const ok = await t.gql(update, { i: { id: p.id, version: p.version, amount: 7, unit: 'HOURS' } }, op);
    expect(ok.data.updateSlaPolicy).toMatchObject({ __typename: 'SlaPolicy', amount: 7, unit: 'HOURS', version: p.version + 1 });
    expect(await auditActions('SlaPolicy')).toContain('sla_policy.update');
  });

  it('refuses every other role', async () => {
    for (const who of ['operator', 'supervisor', 'police', 'analyst', 'secretary', 'chair']) {
      const token = await t.login(who);
      const r = await t.gql(`{ slaPolicies { id } }`, {}, token);
      expect(r.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
      const d = await t.gql(`mutation { deactivateDepartment(input: { id: "RGVwYXJ0bWVudDox" }) { __typename } }`, {}, token);
      expect(d.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
  });
});

describe('accounts', () => {
  const LOGIN = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { __typename ... on LoginPayload { token } } }`;

  async function user(username: string) {
    const r = await t.gql(`{ users(first: 100) { edges { node { id username version active roles department { code } } } } }`, {}, await admin());
    return r.data.users.edges.map((e: any) => e.node).find((u: any) => u.username === username);
  }

  it('changes roles and department; a handler needs a department; an admin keeps their own ADMIN role', async () => {
    const op = await admin();
    const u = await user('analyst');
    const update = `mutation($i: UpdateUserInput!) { updateUser(input: $i) { ${RESULT} ... on User { roles department { code } version } } }`;
    const noDept = await t.gql(update, { i: { id: u.id, roles: ['DEPARTMENT_HANDLER'] } }, op);
    expect(noDept.data.updateUser).toMatchObject({ __typename: 'ValidationError', field: 'departmentId' });
    const edu = await department('EDU-110108');
    const ok = await t.gql(update, { i: { id: u.id, version: u.version, roles: ['ANALYST', 'DEPARTMENT_HANDLER'], departmentId: edu.id, displayName: '数据分析员 陈静（兼）' } }, op);
    expect(ok.data.updateUser).toMatchObject({ __typename: 'User', roles: ['ANALYST', 'DEPARTMENT_HANDLER'], department: { code: 'EDU-110108' } });
    // the account's open session sees its new roles at once
    const session = await t.login('analyst');
    expect((await t.gql('{ me { roles } }', {}, session)).data.me.roles).toEqual(['ANALYST', 'DEPARTMENT_HANDLER']);
    const back = await t.gql(update, { i: { id: u.id, roles: ['ANALYST'], departmentId: null } }, op);
    expect((await t.gql('{ me { roles } }', {}, session)).data.me.roles).toEqual(['ANALYST']);
    expect(back.data.updateUser).toMatchObject({ __typename: 'User', roles: ['ANALYST'], department: null });
    const self = await user('admin');
    const selfDemote = await t.gql(update, { i: { id: self.id, roles: ['ANALYST'] } }, op);
    expect(selfDemote.data.updateUser).toMatchObject({ __typename: 'ForbiddenError', field: 'roles' });
  });

  it('deactivation ends the sessions and refuses sign-in; reactivation restores it', async () => {
    const op = await admin();
    const u = await user('member3');
    const token = await t.login('member3');
    // the session has just been used (so this process keeps who it is for a few seconds)
    expect((await t.gql('{ me { username } }', {}, token)).data.me.username).toBe('member3');
    const deactivate = `mutation($i: UserIdInput!) { deactivateUser(input: $i) { ${RESULT} ... on User { active } } }`;
    expect((await t.gql(deactivate, { i: { id: u.id, version: u.version } }, op)).data.deactivateUser).toMatchObject({ __typename: 'User', active: false });
    expect((await t.gql('{ me { username } }', {}, token)).status).toBe(401);
    expect((await t.gql(LOGIN, { u: 'member3', p: DEMO_PASSWORD })).data.login.__typename).toBe('UnauthenticatedError');
    const self = await user('admin');
    expect((await t.gql(deactivate, { i: { id: self.id } }, op)).data.deactivateUser).toMatchObject({ __typename: 'ForbiddenError' });
    const reactivate = `mutation($i: UserIdInput!) { reactivateUser(input: $i) { ${RESULT} ... on User { active } } }`;
    expect((await t.gql(reactivate, { i: { id: u.id } }, op)).data.reactivateUser).toMatchObject({ __typename: 'User', active: true });
    expect((await t.gql(LOGIN, { u: 'member3', p: DEMO_PASSWORD })).data.login.__typename).toBe('LoginPayload');
    expect(await auditActions('User')).toEqual(expect.arrayContaining(['user.deactivate', 'user.reactivate']));
  });

  it('resets a password: the old one and the old sessions stop working', async () => {
    const op = await admin();
    const u = await user('member2');
    const token = await t.login('member2');
    expect((await t.gql('{ me { username } }', {}, token)).data.me.username).toBe('member2');
    const reset = `mutation($i: ResetUserPasswordInput!) { resetUserPassword(input: $i) { ${RESULT} ... on User { username } } }`;
    expect((await t.gql(reset, { i: { id: u.id, password: 'short' } }, op)).data.resetUserPassword).toMatchObject({ __typename: 'ValidationError', field: 'password' });
    expect((await t.gql(reset, { i: { id: u.id, password: 'a-brand-new-password' } }, op)).data.resetUserPassword).toMatchObject({ __typename: 'User', username: 'member2' });
    expect((await t.gql('{ me { username } }', {}, token)).status).toBe(401);
    expect((await t.gql(LOGIN, { u: 'member2', p: DEMO_PASSWORD })).data.login.__typename).toBe('UnauthenticatedError');
    expect((await t.gql(LOGIN, { u: 'member2', p: 'a-brand-new-password' })).data.login.__typename).toBe('LoginPayload');
    const events = await auditActions('User');
    expect(events).toContain('user.reset_password');
  });

  it('is for administrators only', async () => {
    const u = await user('operator');
    const r = await t.gql(`mutation($i: UserIdInput!) { deactivateUser(input: $i) { __typename } }`, { i: { id: u.id } }, await t.login('supervisor'));
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
