// Subjects: the child, adult, household, school or address a case is about. Weak signals from different
// callers meet here; a subject reaching the configured number of reports raises a supervisor alert.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { caseSubjects, subjectAlerts, subjectIdentities, subjects } from '../../../schema/index.js';
import type { Tx } from '../../db.js';
import { setting } from './deadlines.js';

export interface SubjectInput {
  kind: 'MINOR' | 'ADULT' | 'HOUSEHOLD' | 'SCHOOL' | 'ADDRESS';
  role: 'VICTIM' | 'ALLEGED_PERPETRATOR' | 'GUARDIAN' | 'INVOLVED' | 'LOCATION';
  /** The attributes that identify it; a minor: name + birth year (never age, which changes). */
  name: string;
  birthYear?: number | null;
  identity?: { birthDate?: string | null; school?: string | null; guardianName?: string | null; address?: string | null };
}

const normalise = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** The key never holds a name in clear: only its hash is stored outside the personal-data tables. */
export function matchKey(s: SubjectInput, districtId: string | null): string {
  const parts = [s.kind, normalise(s.name), s.kind === 'MINOR' ? String(s.birthYear ?? '') : '', districtId ?? ''];
  return createHash('sha256').update(parts.join('|')).digest('hex');
}

export interface LinkedSubject {
  subjectId: string;
  reportCount: number;
  alertRaised: boolean;
}

export async function linkSubjects(
  tx: Tx,
  caseId: string,
  districtId: string | null,
  inputs: SubjectInput[],
  now: Date,
  retainUntil: string,
): Promise<LinkedSubject[]> {
  if (inputs.length === 0) return [];
  const threshold = await setting(tx, 'subjectAlertThreshold');
  const linked = new Map<string, LinkedSubject>();
  for (const s of inputs) {
    const key = matchKey(s, districtId);
    // Insert or count one more report, in one statement so concurrent intakes count right.
    const [row] = await tx
      .insert(subjects)
      .values({ kind: s.kind, matchKey: key, districtId, reportCount: 1 })
      .onConflictDoUpdate({
        target: [subjects.kind, subjects.matchKey],
        set: { reportCount: sql`${subjects.reportCount} + case when ${subjects.id} in (select subject_id from case_subjects where case_id = ${caseId}) then 0 else 1 end`, updatedAt: now },
      })
      .returning();
    const subject = row!;
    await tx.insert(caseSubjects).values({ caseId, subjectId: subject.id, role: s.role }).onConflictDoNothing();
    await tx
      .insert(subjectIdentities)
      .values({ subjectId: subject.id, name: s.name, birthDate: s.identity?.birthDate ?? null, school: s.identity?.school ?? null, guardianName: s.identity?.guardianName ?? null, address: s.identity?.address ?? null, retainUntil })
      .onConflictDoNothing();
    let alertRaised = false;
    if (subject.reportCount >= threshold && !subject.alertedAt) {
      await tx.insert(subjectAlerts).values({ subjectId: subject.id, reportCount: subject.reportCount, raisedAt: now });
      await tx.update(subjects).set({ alertedAt: now }).where(sql`${subjects.id} = ${subject.id}`);
      alertRaised = true;
    }
    linked.set(subject.id, { subjectId: subject.id, reportCount: subject.reportCount, alertRaised: alertRaised || (linked.get(subject.id)?.alertRaised ?? false) });
  }
  return [...linked.values()];
}
