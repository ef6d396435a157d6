// Hotspots: clusters planted among noise are found — same category in one street, same category at
// one school, a child reported again and again, a category rising against its trailing average — and
// the noise (near misses of each) is not. The hotspot rows the triggers keep agree with the base
// tables after inserts, merges, invalidations, reclassifications and new subject links.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { analyticsHelpers } from './support.js';

let t: TestApp;
let a: ReturnType<typeof analyticsHelpers>;
const planted: Record<string, string[]> = { street: [], school: [], child: [], tobacco: [] };

const HOTSPOTS = `query($from: Date, $to: Date) { hotspots(from: $from, to: $to) {
  from to minCases suppressionApplied
  hotspots { kind category { code } district { code } street subjectKind trailingAverage count { value suppressed display }
    suggestedDepartment { code kind } cases { id } } } }`;

/** Noon Beijing time on a day of June 2026 (or another month). */
const on = (day: number, month = 6) => `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T04:00:00Z`;

beforeAll(async () => {
  t = await createTestApp();
  a = analyticsHelpers(t);
  const add = async (bucket: string | null, f: Parameters<typeof a.flow>[0]) => {
    const c = await a.flow(f);
    if (bucket) planted[bucket]!.push(c.caseId);
  };

  // Planted (June): 4 bullying reports in one Wangjing street (spelt with and without spaces) …
  for (const [i, street] of ['望京街道', '望京 街道', '望京街道 ', '望京街道'].entries()) await add('street', { at: on(2 + i * 5), category: 'SCHOOL-BULLYING', district: '110105', street });
  // … 3 cyberbullying reports about different children of one school …
  for (const i of [0, 1, 2]) await add('school', { at: on(3 + i * 7), category: 'NET-BULLYING', district: '110105', street: `学校路${i}号`, minors: [{ name: `学生${i}`, birthYear: 2012, school: '朝阳第一中学' }] });
  // … one child reported three times about different things …
  for (const [i, cat] of ['HARM-ABUSE', 'HEALTH-MEDICAL', 'HARM-ABUSE'].entries()) await add('child', { at: on(4 + i * 8), category: cat, district: '110108', street: `海淀某路${i}号`, minors: [{ name: '小刚', birthYear: 2012 }] });
  // … and tobacco sales to minors: 3 in June, none in the three months before.
  for (const i of [0, 1, 2]) await add('tobacco', { at: on(5 + i * 9), category: 'SOC-TOBACCO', district: '110101', street: `东城商业街${i}号` });

  // Their trailing history (March–May), so bullying and cyberbullying are not "rising" themselves.
  for (const m of [3, 4, 5]) {
    for (const i of [0, 1, 2, 3]) await a.flow({ at: on(10 + i, m), category: 'SCHOOL-BULLYING', district: '110102', street: `西城历史路${m}${i}号` });
    for (const i of [0, 1]) await a.flow({ at: on(14 + i, m), category: 'NET-BULLYING', district: '110102', street: `西城网络路${m}${i}号` });
    for (const i of [0, 1, 2]) await a.flow({ at: on(18 + i, m), category: 'LEGAL-ADVICE', kind: 'CONSULTATION', district: '110106' });
  }

  // Noise (June), each a near miss: the same street but other categories (2 each); the same category in
  // other streets; two reports about one child; another school with two reports; legal advice as usual (3, avg 3).
  await a.flow({ at: on(6), category: 'HARM-DOMESTIC', district: '110105', street: '望京街道' });
  await a.flow({ at: on(7), category: 'HARM-DOMESTIC', district: '110105', street: '望京街道' });
  await a.flow({ at: on(8), category: 'SCHOOL-PUNISH', district: '110105', street: '望京街道' });
  await a.flow({ at: on(9), category: 'SCHOOL-BULLYING', district: '110108', street: '望京街道' }); // same name, other district
  await a.flow({ at: on(11), category: 'SCHOOL-BULLYING', district: '110105', street: '三里屯街道' });
  await a.flow({ at: on(12), category: 'SCHOOL-BULLYING', district: '110105', street: '潘家园街道' });
  await a.flow({ at: on(13), category: 'HARM-ABANDON', district: '110112', street: '中仓路1号', minors: [{ name: '小丽', birthYear: 2015 }] });
  await a.flow({ at: on(16), category: 'HARM-ABANDON', district: '110112', street: '中仓路2号', minors: [{ name: '小丽', birthYear: 2015 }] });
  await a.flow({ at: on(17), category: 'NET-ADDICTION', district: '110108', street: '学院路1号', minors: [{ name: '学生A', birthYear: 2011, school: '海淀第二中学' }] });
  await a.flow({ at: on(19), category: 'NET-ADDICTION', district: '110108', street: '学院路2号', minors: [{ name: '学生B', birthYear: 2011, school: '海淀第二中学' }] });
  for (const i of [0, 1, 2]) await a.flow({ at: on(20 + i), category: 'LEGAL-ADVICE', kind: 'CONSULTATION', district: '110106' });
  await a.flow({ at: on(23), category: 'HEALTH-CRISIS', district: '110114', street: '回龙观1号' });
  await a.flow({ at: on(24), category: 'GUARD-VAGRANT', district: '110115', street: '亦庄1号' });
  // A planted-looking street cluster that is partly in May (outside the window): only 2 in June.
  await a.flow({ at: on(28, 5), category: 'SOC-VENUE', district: '110102', street: '什刹海酒吧街' });
  await a.flow({ at: on(25), category: 'SOC-VENUE', district: '110102', street: '什刹海酒吧街' });
  await a.flow({ at: on(26), category: 'SOC-VENUE', district: '110102', street: '什刹海酒吧街' });

  t.clock.set('2026-07-01T02:00:00Z');
});
afterAll(() => t?.close());

const summary = (h: any) => [h.kind, h.category?.code, h.district?.code, h.street ?? h.subjectKind ?? ''].join(' ');

describe('hotspots', () => {
  it('finds exactly the planted clusters, and none of the noise', async () => {
    const r = await a.h.query('supervisor', HOTSPOTS, { from: '2026-06-01', to: '2026-06-30' });
    expect(r.errors).toBeUndefined();
    const found = r.data.hotspots.hotspots;
    expect(found.map(summary).sort()).toEqual([
      'REPEAT_SUBJECT HARM-ABUSE 110108 MINOR',
      'RISING_CATEGORY SOC-TOBACCO  ',
      'SCHOOL_CLUSTER NET-BULLYING 110105 SCHOOL',
      'STREET_CLUSTER SCHOOL-BULLYING 110105 望京街道',
    ]);
    const byKind = Object.fromEntries(found.map((h: any) => [h.kind, h]));
    expect(byKind.STREET_CLUSTER.count.value).toBe(4);
    expect(byKind.SCHOOL_CLUSTER.count.value).toBe(3);
    expect(byKind.REPEAT_SUBJECT.count.value).toBe(3);
    expect(byKind.RISING_CATEGORY).toMatchObject({ count: { value: 3 }, trailingAverage: 0 });
    // The desk sees the cases behind each: exactly the planted ones.
    expect(byKind.STREET_CLUSTER.cases.map((c: any) => c.id).sort()).toEqual([...planted.street!].sort());
    expect(byKind.SCHOOL_CLUSTER.cases.map((c: any) => c.id).sort()).toEqual([...planted.school!].sort());
    expect(byKind.REPEAT_SUBJECT.cases.map((c: any) => c.id).sort()).toEqual([...planted.child!].sort());
    expect(byKind.RISING_CATEGORY.cases.map((c: any) => c.id).sort()).toEqual([...planted.tobacco!].sort());
  });

  it("suggests a department from the category's routing hints and the district", async () => {
    const found = (await a.h.query('supervisor', HOTSPOTS, { from: '2026-06-01', to: '2026-06-30' })).data.hotspots.hotspots;
    const byKind = Object.fromEntries(found.map((h: any) => [h.kind, h]));
    // School bullying in Chaoyang → education first, the district's own commission.
    expect(byKind.STREET_CLUSTER.suggestedDepartment).toEqual({ code: 'EDU-110105', kind: 'EDUCATION' });
    // Cyberbullying → the cyberspace administration (city level: no district branch).
    expect(byKind.SCHOOL_CLUSTER.suggestedDepartment).toEqual({ code: 'CAC', kind: 'CYBERSPACE' });
    // Maltreatment in Haidian → the Haidian police branch.
    expect(byKind.REPEAT_SUBJECT.suggestedDepartment).toEqual({ code: 'PSB-110108', kind: 'PUBLIC_SECURITY' });
    expect(byKind.RISING_CATEGORY.suggestedDepartment.kind).toBe('OTHER');
  });

  it('finds the street cluster once the window covers the noise that made it three, and respects minCases', async () => {
    const wider = (await a.h.query('supervisor', HOTSPOTS, { from: '2026-05-25', to: '2026-06-30' })).data.hotspots.hotspots.map(summary);
    expect(wider).toContain('STREET_CLUSTER SOC-VENUE 110102 什刹海酒吧街');
    const strict = (await a.h.query('supervisor', `{ hotspots(from: "2026-06-01", to: "2026-06-30", minCases: 4) { hotspots { kind count { value } } } }`)).data.hotspots.hotspots;
    expect(strict).toEqual([{ kind: 'STREET_CLUSTER', count: { value: 4 } }]);
  });

  it('gives analysts counts only, small ones suppressed', async () => {
    const r = await a.h.query('analyst', HOTSPOTS, { from: '2026-06-01', to: '2026-06-30' });
    const found = r.data.hotspots.hotspots;
    expect(r.data.hotspots.suppressionApplied).toBe(true);
    expect(found).toHaveLength(4);
    expect(found.every((h: any) => h.cases === null)).toBe(true);
    const byKind = Object.fromEntries(found.map((h: any) => [h.kind, h]));
    expect(byKind.STREET_CLUSTER.count).toEqual({ value: null, suppressed: true, display: '<5' });
    expect(byKind.REPEAT_SUBJECT.count.display).toBe('<5');
    // A category city-wide over a month is coarse: exact.
    expect(byKind.RISING_CATEGORY.count).toEqual({ value: 3, suppressed: false, display: '3' });
    expect(r.text).not.toMatch(/小刚|朝阳第一中学|张女士|13800000000/);
  });
});

/** The uuid behind a global id. */
const raw = (gid: string) => Buffer.from(gid, 'base64').toString().split(':')[1]!;

/** Distinct reports per street, school and subject in June, counted straight from cases and their links. */
const baseCounts = () => t.database.rows<{ key: string; n: number }>(sql`
  select concat_ws('|', 'street', category_id, district_id, regexp_replace(lower(street), '\\s', '', 'g')) as key, count(distinct merge_group_id)::int as n
  from cases where status <> 'INVALID' and street is not null and btrim(street) <> '' and received_day between '2026-06-01' and '2026-06-30'
  group by category_id, district_id, regexp_replace(lower(street), '\\s', '', 'g')
  union all
  select concat_ws('|', s.kind, c.category_id, s.id), count(distinct c.merge_group_id)::int
  from cases c join case_subjects cs on cs.case_id = c.id join subjects s on s.id = cs.subject_id
  where c.status <> 'INVALID' and c.received_day between '2026-06-01' and '2026-06-30'
  group by s.kind, c.category_id, s.id
  order by 1`);
/** The same from the hotspot rows. */
const rollupCounts = () => t.database.rows<{ key: string; n: number }>(sql`
  select concat_ws('|', 'street', category_id, district_id, street_key) as key, count(distinct merge_group_id)::int as n
  from hotspot_street_cases where received_at >= '2026-05-31T16:00:00Z' and received_at < '2026-06-30T16:00:00Z'
  group by category_id, district_id, street_key
  union all
  select concat_ws('|', subject_kind, category_id, subject_id), count(distinct merge_group_id)::int
  from hotspot_subject_cases where received_at >= '2026-05-31T16:00:00Z' and received_at < '2026-06-30T16:00:00Z'
  group by subject_kind, category_id, subject_id
  order by 1`);
const tableRows = async (from: string) => (await t.database.rows<Record<string, unknown>>(sql`select * from ${sql.identifier(from)}`)).map((r) => JSON.stringify(r)).sort();

describe('hotspot rows', () => {
  it('agree with the base tables after inserts, merges, invalidations, reclassifications and new links, and with a rebuild', async () => {
    const agree = async () => {
      expect(await rollupCounts()).toEqual(await baseCounts());
      expect(await tableRows('hotspot_street_cases')).toEqual(await tableRows('hotspot_street_source'));
      expect(await tableRows('hotspot_subject_cases')).toEqual(await tableRows('hotspot_subject_source'));
    };
    await agree();
    expect((await baseCounts()).length).toBeGreaterThan(10);

    // A duplicate report merged into the first of the Wangjing cluster: four cases, three violations.
    const merged = await a.h.mutate('supervisor', 'mergeCase', 'MergeCaseInput', { caseId: planted.street![3], intoCaseId: planted.street![0], reason: '同一违法行为的重复举报' });
    expect(merged.__typename).toBe('Case');
    // One school report found malicious: two left, no cluster.
    expect((await a.h.mutate('supervisor', 'invalidateCase', 'InvalidateCaseInput', { caseId: planted.school![2], reason: '恶意骚扰来电' })).__typename).toBe('Case');
    // Reclassified and moved to the Wangjing street (spelt differently), and a third report naming 小丽.
    const [noise] = await t.database.rows<{ id: string }>(sql`select id from cases where street = '三里屯街道'`);
    await t.database.rows(sql`update cases set street = ' 望京 街道', district_id = (select district_id from cases where id = ${raw(planted.street![0]!)}) where id = ${noise!.id}`);
    const [lili] = await t.database.rows<{ subject_id: string }>(sql`select cs.subject_id from case_subjects cs join cases c on c.id = cs.case_id where c.street = '中仓路1号'`);
    const [other] = await t.database.rows<{ id: string }>(sql`select id from cases where street = '回龙观1号'`);
    await t.database.rows(sql`insert into case_subjects (case_id, subject_id, role) values (${other!.id}, ${lili!.subject_id}, 'VICTIM')`);
    await agree();

    const r = await a.h.query('supervisor', HOTSPOTS, { from: '2026-06-01', to: '2026-06-30' });
    const found = Object.fromEntries(r.data.hotspots.hotspots.map((h: any) => [summary(h), h]));
    // 4 reports of which 2 merged, plus the moved one: 4 violations; the merged duplicate is still listed for the desk.
    expect(found['STREET_CLUSTER SCHOOL-BULLYING 110105 望京街道'].count.value).toBe(4);
    expect(found['STREET_CLUSTER SCHOOL-BULLYING 110105 望京街道'].cases).toHaveLength(5);
    expect(found['SCHOOL_CLUSTER NET-BULLYING 110105 SCHOOL']).toBeUndefined();
    expect(found['REPEAT_SUBJECT HARM-ABANDON 110112 MINOR'].count.value).toBe(3);

    const kept = [await tableRows('hotspot_street_cases'), await tableRows('hotspot_subject_cases')];
    await t.database.rows(sql`select analytics_rebuild_rollups()`);
    expect([await tableRows('hotspot_street_cases'), await tableRows('hotspot_subject_cases')]).toEqual(kept);
  });
});
