// The audit log over the API: administrators read it, filtered; nobody else does; no personal values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const LOG = `query($f: AuditEventFilter) { auditEvents(first: 50, filter: $f) { totalCount edges { node { at actor action entity entityId fields detail } } } }`;

describe('auditEvents', () => {
  it('shows an administrator who did what, filtered by entity and action, without the personal values written', async () => {
    const h = caseHelpers(t);
    const reg = await h.register({ reporter: { name: '张女士', phone: '13800000000', relationToMinor: 'PARENT', hasSafeContact: true } });
    const caseRowId = Buffer.from(reg.case.id, 'base64').toString().split(':')[1];
    const r = await t.gql(LOG, { f: { entity: 'Case', entityId: caseRowId } }, await t.login('admin'));
    const events = r.data.auditEvents.edges.map((e: any) => e.node);
    expect(events).toContainEqual(expect.objectContaining({ actor: 'operator', action: 'case.register', entity: 'Case', entityId: caseRowId }));
    expect(events.find((e: any) => e.action === 'case.register').fields).toContain('reporter.identity');
    expect(r.text).not.toContain('13800000000');
    expect(r.text).not.toContain('张女士');
    const logins = await t.gql(LOG, { f: { action: 'auth.login' } }, await t.login('admin'));
    expect(logins.data.auditEvents.edges.every((e: any) => e.node.action === 'auth.login')).toBe(true);
    expect(logins.data.auditEvents.totalCount).toBeGreaterThan(0);
  });

  it('is for administrators only', async () => {
    for (const user of ['operator', 'supervisor', 'analyst', 'police', 'secretary', 'chair']) {
      const r = await t.gql(LOG, {}, await t.login(user));
      expect(r.errors?.[0]?.extensions?.code, user).toBe('FORBIDDEN');
    }
  });
});
