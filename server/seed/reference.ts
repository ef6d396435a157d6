// Reference data, applied on every start: inserts what is missing and never overwrites what an
// administrator has since changed.
import * as t from '../../schema/index.js';
import type { Db } from '../db.js';
import type { Clock } from '../shared/time.js';
import { beijingYear } from '../shared/time.js';
import * as data from './reference-data.js';
import { removedCalendarDays } from '../modules/departments/calendar.js';

export const DEFAULT_SETTINGS = {
  /** Reports about one subject that raise a supervisor alert. */
  subjectAlertThreshold: 3,
  /** A deadline is "due soon" in the last this-percent of its window. */
  dueSoonPercent: 25,
  /** Years personal data is kept after a case closes. */
  retentionYears: 5,
} as const;

export async function applyReferenceData(db: Db, clock: Clock): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(t.districts).values(data.districts).onConflictDoNothing();
    const districtId = new Map((await tx.select().from(t.districts)).map((d) => [d.code, d.id]));

    // Parents before children: top-level departments first, then each level below.
    const pending = [...data.departments];
    while (pending.length) {
      const ids = new Map((await tx.select({ code: t.departments.code, id: t.departments.id }).from(t.departments)).map((d) => [d.code, d.id]));
      const ready = pending.filter((d) => !d.parentCode || ids.has(d.parentCode));
      if (ready.length === 0) throw new Error(`department parents missing: ${pending.map((d) => d.code).join(', ')}`);
      await tx
        .insert(t.departments)
        .values(ready.map((d) => ({
          code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, kind: d.kind,
          districtId: d.districtCode ? districtId.get(d.districtCode)! : null,
          parentId: d.parentCode ? ids.get(d.parentCode)! : null,
        })))
        .onConflictDoNothing();
      for (const d of ready) pending.splice(pending.indexOf(d), 1);
    }

    const parents = data.categories.filter((c) => !c.parentCode);
    const leaves = data.categories.filter((c) => c.parentCode);
    const category = (c: data.CategorySeed, parentId: string | null, i: number) => ({
      code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, parentId, defaultUrgency: c.defaultUrgency,
      suggestedDepartmentKinds: c.suggestedDepartmentKinds, sortOrder: i,
    });
    await tx.insert(t.caseCategories).values(parents.map((c, i) => category(c, null, i * 100))).onConflictDoNothing();
    const catId = new Map((await tx.select().from(t.caseCategories)).map((c) => [c.code, c.id]));
    await tx
      .insert(t.caseCategories)
      .values(leaves.map((c, i) => category(c, catId.get(c.parentCode!)!, i + 1 + 100 * parents.findIndex((p) => p.code === c.parentCode))))
      .onConflictDoNothing();

    await tx.insert(t.slaPolicies).values(data.slaPolicies).onConflictDoNothing();
    // a day an administrator removed stays removed
    const removed = await removedCalendarDays(tx);
    const days = data.calendarDays.filter((d) => !removed.has(d.day));
    if (days.length) await tx.insert(t.calendarDays).values(days).onConflictDoNothing();
    await tx.insert(t.committeeConfig).values({ id: 1, ...data.committeeConfig }).onConflictDoNothing();
    await tx
      .insert(t.rewardStandards)
      .values(data.rewardStandards.map((s) => ({ ...s, status: 'ACTIVE', activatedAt: clock.now() })))
      .onConflictDoNothing();
    await tx.insert(t.rewardBudgets).values({ year: beijingYear(clock.now()), total: data.rewardBudgetTotal }).onConflictDoNothing();
    await tx
      .insert(t.settings)
      .values(Object.entries(DEFAULT_SETTINGS).map(([key, value]) => ({ key, value })))
      .onConflictDoNothing();
  });
}

/** Counts of the reference tables, for the idempotency test and the start-up log. */
export async function referenceCounts(db: Db) {
  const tables = { districts: t.districts, departments: t.departments, categories: t.caseCategories, slaPolicies: t.slaPolicies, calendarDays: t.calendarDays, rewardStandards: t.rewardStandards };
  const counts = await Promise.all(Object.values(tables).map((table) => db.$count(table)));
  return Object.fromEntries(Object.keys(tables).map((k, i) => [k, counts[i]!]));
}
