// Reference data an administrator adds over HTTP: the working-day calendar (holidays and make-up
// working days, which the next deadline follows), new departments and new case categories — each a
// typed result, an audit event, and a refusal for every other role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { auditEvents, calendarDays } from '../../schema/index.js';
import { calendarDays as seededDays } from '../../server/seed/reference-data.js';
import { applyReferenceData } from '../../server/seed/reference.js';
import { departmentSubtree } from '../../server/modules/departments/service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';

let t: TestApp;
let h: ReturnType<typeof caseHelpers>;
beforeAll(async () => {
  t = await createTestApp();
  h = caseHelpers(t);
});
afterAll(() => t?.close());

const RESULT = '__typename ... on Error { code message field }';
const OTHER_ROLES = ['operator', 'supervisor', 'police', 'analyst', 'secretary', 'chair'];

async function as(who: string, query: string, variables: Record<string, unknown> = {}) {
  return t.gql(query, variables, await t.login(who));
}
const mutate = (who: string, name: string, inputType: string, input: Record<string, unknown>, selection: string) =>
  as(who, `mutation($i: ${inputType}!) { ${name}(input: $i) { ${RESULT} ${selection} } }`, { i: input });

async function audits(action: string) {
  return t.database.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(auditEvents.id);
}

describe('the working-day calendar', () => {
  const DAY = '... on CalendarDay { id day kind nameZh nameEn }';
  const set = (input: Record<string, unknown>, who = 'admin') => mutate(who, 'setCalendarDay', 'SetCalendarDayInput', input, DAY);
  const remove = (day: string, who = 'admin') => mutate(who, 'removeCalendarDay', 'RemoveCalendarDayInput', { day }, DAY);
  const holidays = async (year: number, who = 'admin') => (await as(who, `query($y: Int!) { holidays(year: $y) { day kind nameZh } }`, { y: year })).data.holidays as { day: string; kind: string }[];

  it("lists a year's holidays and make-up days as seeded, in day order", async () => {
    const list = await holidays(2026);
    expect(list.map((d) => d.day)).toEqual(seededDays.filter((d) => d.day.startsWith('2026-')).map((d) => d.day).sort());
    expect(list.find((d) => d.day === '2026-02-14')).toMatchObject({ kind: 'WORKDAY', nameZh: '春节调休上班' });
    // staff who meet deadlines read it too
    expect((await holidays(2026, 'police')).length).toBe(list.length);
  });

  it('adds, changes and removes a day, each with its audit event; refuses what is not a day or not a weekend make-up day', async () => {
    expect((await set({ day: '2026-11-16', kind: 'HOLIDAY', nameZh: '测试假日', nameEn: 'Test holiday' })).data.setCalendarDay).toMatchObject({ __typename: 'CalendarDay', day: '2026-11-16', kind: 'HOLIDAY' });
    expect((await set({ day: '2026-11-16', kind: 'HOLIDAY', nameZh: '调整后的假日', nameEn: 'Renamed' })).data.setCalendarDay).toMatchObject({ nameZh: '调整后的假日' });
    expect((await holidays(2026)).filter((d) => d.day === '2026-11-16')).toHaveLength(1);
    // Monday 16 November is a working day already: it cannot be a make-up working day
    expect((await set({ day: '2026-11-16', kind: 'WORKDAY', nameZh: '调休', nameEn: 'Make-up' })).data.setCalendarDay).toMatchObject({ __typename: 'ValidationError', field: 'kind' });
    expect((await set({ day: '2026-11-21', kind: 'WORKDAY', nameZh: '调休上班', nameEn: 'Make-up' })).data.setCalendarDay).toMatchObject({ __typename: 'CalendarDay', kind: 'WORKDAY' });
    expect((await set({ day: '2026-02-30', kind: 'HOLIDAY', nameZh: '无', nameEn: 'None' })).data.setCalendarDay).toMatchObject({ __typename: 'ValidationError', field: 'day' });
    expect((await set({ day: '2026-12-01', kind: 'HOLIDAY', nameZh: ' ', nameEn: 'x' })).data.setCalendarDay).toMatchObject({ __typename: 'ValidationError', field: 'nameZh' });

    expect((await remove('2026-11-16')).data.removeCalendarDay).toMatchObject({ __typename: 'CalendarDay', day: '2026-11-16' });
    expect((await remove('2026-11-16')).data.removeCalendarDay).toMatchObject({ __typename: 'NotFoundError', field: 'day' });
    expect((await holidays(2026)).map((d) => d.day)).not.toContain('2026-11-16');

    expect((await audits('calendar_day.add')).map((e) => e.detail?.day)).toEqual(expect.arrayContaining(['2026-11-16', '2026-11-21']));
    expect((await audits('calendar_day.update')).map((e) => e.fields)).toContainEqual(['nameZh', 'nameEn']);
    expect((await audits('calendar_day.remove')).map((e) => e.detail?.day)).toEqual(['2026-11-16']);
  });

  it('a deadline set after a holiday is added skips it; after the holiday is removed it counts again', async () => {
    // Monday 15 June 2026, 10:00 Beijing: a NORMAL dispatch is accepted by the end of the next working day
    const acceptBy = async () => {
      t.clock.set('2026-06-15T02:00:00Z');
      const reg = h.must(await h.register({ urgency: 'NORMAL' }), 'RegisterCasePayload', 'register');
      const d = h.must(
        await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: reg.case.id, lead: { departmentId: await h.refId('Department', 'PSB-110105') } }, `... on DispatchCasePayload { dispatches { acceptBy } }`),
        'DispatchCasePayload', 'dispatch',
      );
      return d.dispatches[0].acceptBy as string;
    };
    expect(await acceptBy()).toBe('2026-06-16T16:00:00.000Z');
    await set({ day: '2026-06-16', kind: 'HOLIDAY', nameZh: '临时假日', nameEn: 'Extra holiday' });
    expect(await acceptBy()).toBe('2026-06-17T16:00:00.000Z');
    await remove('2026-06-16');
    expect(await acceptBy()).toBe('2026-06-16T16:00:00.000Z');
  });

  it('a seeded day an administrator removed stays removed when reference data is applied again', async () => {
    expect((await remove('2026-10-10')).data.removeCalendarDay.__typename).toBe('CalendarDay');
    await applyReferenceData(t.database.db, t.clock);
    expect(await t.database.db.select().from(calendarDays).where(eq(calendarDays.day, '2026-10-10'))).toEqual([]);
    // the other seeded days are still there
    expect(await t.database.db.select().from(calendarDays).where(eq(calendarDays.day, '2026-10-07'))).toHaveLength(1);
  });

  it('only administrators edit it; analysts do not read it', async () => {
    for (const who of OTHER_ROLES) {
      const r = await set({ day: '2026-12-24', kind: 'HOLIDAY', nameZh: '平安夜', nameEn: 'Christmas Eve' }, who);
      expect(r.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
      expect((await remove('2026-10-01', who)).errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
    expect((await as('analyst', `{ holidays(year: 2026) { day } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await t.database.db.select().from(calendarDays).where(eq(calendarDays.day, '2026-12-24'))).toEqual([]);
    expect(await t.database.db.select().from(calendarDays).where(eq(calendarDays.day, '2026-10-01'))).toHaveLength(1);
  });
});

describe('creating departments and case categories', () => {
  // (aliased: `code` would clash with Error.code in one selection)
  const DEPT = '... on Department { id ref: code nameZh kind active district { code } parent { code } }';
  const CAT = '... on CaseCategory { id ref: code nameZh parent { code } defaultUrgency suggestedDepartmentKinds active }';
  const createDept = (input: Record<string, unknown>, who = 'admin') => mutate(who, 'createDepartment', 'CreateDepartmentInput', input, DEPT);
  const createCat = (input: Record<string, unknown>, who = 'admin') => mutate(who, 'createCaseCategory', 'CreateCaseCategoryInput', input, CAT);
  const missing = (type: string) => encodeGlobalID(type, '00000000-0000-4000-8000-000000000000');

  it('creates a street office under its district government, in that district; the parent’s handlers see it at once', async () => {
    const gov = await h.refId('Department', 'GOV-110105');
    const rawGov = Buffer.from(gov, 'base64').toString('utf8').split(':')[1]!;
    const before = await departmentSubtree(t.database.db, rawGov);
    const r = await createDept({ code: 'st-110105-jsl', nameZh: '朝阳区劲松街道办事处', nameEn: 'Jinsong Subdistrict Office, Chaoyang', kind: 'STREET_OFFICE', parentId: gov });
    expect(r.data.createDepartment).toMatchObject({ __typename: 'Department', ref: 'ST-110105-JSL', kind: 'STREET_OFFICE', active: true, district: { code: '110105' }, parent: { code: 'GOV-110105' } });
    const rawNew = Buffer.from(r.data.createDepartment.id, 'base64').toString('utf8').split(':')[1]!;
    expect(before).not.toContain(rawNew);
    expect(await departmentSubtree(t.database.db, rawGov)).toContain(rawNew);
    const [event] = await audits('department.create');
    expect(event).toMatchObject({ entity: 'Department', entityId: rawNew, detail: expect.objectContaining({ code: 'ST-110105-JSL', parent: 'GOV-110105' }) });
  });

  it('refuses a used code, a missing parent, another district than the parent’s, and a bad code', async () => {
    const base = { nameZh: '测试部门', nameEn: 'Test department', kind: 'OTHER' };
    expect((await createDept({ ...base, code: 'PSB-110105' })).data.createDepartment).toMatchObject({ __typename: 'ConflictError', field: 'code' });
    expect((await createDept({ ...base, code: 'TEST-1', parentId: missing('Department') })).data.createDepartment).toMatchObject({ __typename: 'NotFoundError', field: 'parentId' });
    expect((await createDept({ ...base, code: 'TEST-2', parentId: await h.refId('Department', 'GOV-110105'), districtId: await h.refId('District', '110108') })).data.createDepartment)
      .toMatchObject({ __typename: 'ValidationError', field: 'districtId' });
    expect((await createDept({ ...base, code: 'x' })).data.createDepartment).toMatchObject({ __typename: 'ValidationError', field: 'code' });
    const city = await createDept({ ...base, code: 'TEST-CITY', active: false });
    expect(city.data.createDepartment).toMatchObject({ __typename: 'Department', active: false, district: null, parent: null });
  });

  it('creates a parent category and a leaf under it, listed after their siblings; two levels only', async () => {
    const parent = await createCat({ code: 'SPORT', nameZh: '体育培训', nameEn: 'Sports training', suggestedDepartmentKinds: ['EDUCATION', 'OTHER', 'EDUCATION'] });
    expect(parent.data.createCaseCategory).toMatchObject({ __typename: 'CaseCategory', ref: 'SPORT', parent: null, suggestedDepartmentKinds: ['EDUCATION', 'OTHER'], active: true });
    const leaf = await createCat({ code: 'SPORT-ABUSE', nameZh: '训练中的体罚', nameEn: 'Abuse in training', parentId: parent.data.createCaseCategory.id, defaultUrgency: 'URGENT', suggestedDepartmentKinds: ['PUBLIC_SECURITY'] });
    expect(leaf.data.createCaseCategory).toMatchObject({ __typename: 'CaseCategory', parent: { code: 'SPORT' }, defaultUrgency: 'URGENT' });
    const deeper = await createCat({ code: 'SPORT-ABUSE-X', nameZh: '第三层', nameEn: 'Third level', parentId: leaf.data.createCaseCategory.id });
    expect(deeper.data.createCaseCategory).toMatchObject({ __typename: 'ValidationError', field: 'parentId' });
    expect((await createCat({ code: 'SCHOOL-BULLYING', nameZh: '重复', nameEn: 'Duplicate' })).data.createCaseCategory).toMatchObject({ __typename: 'ConflictError', field: 'code' });
    expect((await createCat({ code: 'NEW-LEAF', nameZh: '无上级', nameEn: 'Orphan', parentId: missing('CaseCategory') })).data.createCaseCategory).toMatchObject({ __typename: 'NotFoundError', field: 'parentId' });

    const codes = (await as('operator', `{ caseCategories { code } }`)).data.caseCategories.map((c: { code: string }) => c.code);
    expect(codes.slice(-2)).toEqual(['SPORT', 'SPORT-ABUSE']);
    expect((await audits('case_category.create')).map((e) => e.detail?.code)).toEqual(['SPORT', 'SPORT-ABUSE']);
  });

  it('refuses every other role, and writes nothing', async () => {
    for (const who of OTHER_ROLES) {
      expect((await createDept({ code: `DENY-${who}`, nameZh: '拒绝', nameEn: 'Denied', kind: 'OTHER' }, who)).errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
      expect((await createCat({ code: `DENY-${who}`, nameZh: '拒绝', nameEn: 'Denied' }, who)).errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
    const depts = await as('admin', `{ departments(first: 10, filter: { search: "DENY-" }) { totalCount } caseCategories(includeInactive: true) { code } }`);
    expect(depts.data.departments.totalCount).toBe(0);
    expect(depts.data.caseCategories.map((c: { code: string }) => c.code).filter((c: string) => c.startsWith('DENY-'))).toEqual([]);
  });
});
