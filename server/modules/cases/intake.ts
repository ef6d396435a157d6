// Intake (registerCase): the desk or the general line's INTAKE token records a call or a transfer.
// One transaction: case, reporter, personal data, subjects, idempotency key and audit event.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { caseCategories, cases, districts, idempotencyKeys, reporterIdentities, reporters } from '../../../schema/index.js';
import {
  CASE_CHANNELS, CASE_KINDS, PERPETRATOR_RELATIONS, PROTECTION_DOMAINS, REPORTER_RELATIONS, SUBJECT_KINDS, SUBJECT_ROLES, URGENCIES,
  type Urgency,
} from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { addDays, beijingDay } from '../../shared/time.js';
import { parseInput } from '../../shared/validate.js';
import { dailyCode } from '../../shared/codes.js';
import { recordAudit } from '../audit/service.js';
import { randomCode } from '../auth/secrets.js';
import { isDesk } from './access.js';
import { loadSla, setting } from './deadlines.js';
import { searchVectorSql } from './search.js';
import { linkSubjects, type SubjectInput } from './subjects.js';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullish().transform((v) => v || null);

const minorInput = z.object({
  name: text(50).min(1),
  birthYear: z.number().int().min(1990).max(2100).nullish(),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
  school: optionalText(100),
  guardianName: optionalText(50),
  address: optionalText(200),
});

export const registerCaseInput = z.object({
  channel: z.enum(CASE_CHANNELS),
  kind: z.enum(CASE_KINDS),
  categoryId: z.string().uuid(),
  domain: z.enum(PROTECTION_DOMAINS),
  urgency: z.enum(URGENCIES).nullish(),
  guardianInvolved: z.boolean().default(false),
  perpetratorRelation: z.enum(PERPETRATOR_RELATIONS).default('UNKNOWN'),
  reasonableSuspicion: z.boolean().default(false),
  districtId: z.string().uuid().nullish(),
  street: optionalText(100),
  summary: text(200).min(1, 'A summary is required'),
  narrative: text(20000).default(''),
  minors: z.array(minorInput).max(20).default([]),
  otherSubjects: z
    .array(z.object({ kind: z.enum(SUBJECT_KINDS).exclude(['MINOR']), role: z.enum(SUBJECT_ROLES), name: text(200).min(1) }))
    .max(20)
    .default([]),
  reporter: z
    .object({
      anonymous: z.boolean().default(false),
      relationToMinor: z.enum(REPORTER_RELATIONS).default('OTHER'),
      name: optionalText(50),
      phone: optionalText(30),
      organization: optionalText(100),
      mandatoryReporter: z.boolean().default(false),
      consentToShareContact: z.boolean().default(false),
      hasSafeContact: z.boolean().default(true),
      safeContactInstructions: optionalText(500),
    })
    .prefault({ anonymous: true, hasSafeContact: false }),
  idempotencyKey: text(100).min(8).nullish(),
});
export type RegisterCaseInput = z.input<typeof registerCaseInput>;

export interface RegisterCaseResult {
  case: typeof cases.$inferSelect;
  claimCode: string;
  receiptCode: string | null;
  /** Subjects of this case that now have an open alert for supervisors. */
  alertsRaised: number;
  /** True when the first result of this idempotency key was returned again. */
  replayed: boolean;
}

/** A human claim code, easy to read over the phone: no 0/O/1/I. */
export function newClaimCode(prefix: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomCode(16);
  let out = '';
  for (let i = 0; out.length < 10; i++) out += alphabet[bytes.charCodeAt(i % bytes.length) % alphabet.length];
  return `${prefix}-${out.slice(0, 5)}-${out.slice(5)}`;
}

export async function registerCase(ctx: ServiceContext, raw: RegisterCaseInput): Promise<RegisterCaseResult> {
  if (!isDesk(ctx.viewer) && !ctx.viewer.intake) throw new ForbiddenError('Only the hotline desk or the general line registers cases');
  const input = parseInput(registerCaseInput, raw);
  if (input.reporter.anonymous && (input.reporter.name || input.reporter.phone)) {
    throw new ValidationError('An anonymous reporter has no name or phone on record', 'reporter.anonymous');
  }
  if (ctx.viewer.intake && input.channel !== 'TRANSFER_12345') {
    throw new ValidationError('The general line transfers cases (channel TRANSFER_12345)', 'channel');
  }
  const now = ctx.clock.now();
  const scope = `${ctx.viewer.kind}:${ctx.viewer.id}`;
  // Reference data is read before the transaction, together: the transaction then holds the day's
  // code counter (one row every intake updates) only for the writes that follow it.
  const [[category], district, retentionYears, sla] = await Promise.all([
    ctx.db.select().from(caseCategories).where(eq(caseCategories.id, input.categoryId)),
    input.districtId ? ctx.db.select({ id: districts.id }).from(districts).where(eq(districts.id, input.districtId)) : null,
    setting(ctx.db, 'retentionYears'),
    loadSla(ctx.db),
  ]);
  const day = beijingDay(now);
  const retainUntil = addDays(day, 365 * retentionYears);

  return ctx.db.transaction(async (tx) => {
    if (input.idempotencyKey) {
      // Serialise retries of one key; the second finds the first's case and creates nothing.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${scope}), hashtext(${input.idempotencyKey}))`);
      const [seen] = await tx
        .select({ case: cases, claimCode: reporters.claimCode, receiptCode: reporters.mandatoryReceiptCode })
        .from(idempotencyKeys)
        .innerJoin(cases, eq(cases.id, idempotencyKeys.caseId))
        .leftJoin(reporters, eq(reporters.id, cases.reporterId))
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, input.idempotencyKey)));
      if (seen) return { case: seen.case, claimCode: seen.claimCode ?? '', receiptCode: seen.receiptCode, alertsRaised: 0, replayed: true };
    }
    // Checked after the replay: a retry answers what the first call did, even if a category closed since.
    if (!category || !category.active) throw new NotFoundError('Case category', 'categoryId');
    if (!category.parentId) throw new ValidationError('Choose a specific category, not a group', 'categoryId');
    if (district && district.length === 0) throw new NotFoundError('District', 'districtId');
    const urgency: Urgency = input.urgency ?? (category.defaultUrgency as Urgency | null) ?? 'NORMAL';

    const r = input.reporter;
    const receiptCode = r.mandatoryReporter ? newClaimCode('MR') : null;
    const [reporter] = await tx
      .insert(reporters)
      .values({
        relationToMinor: r.relationToMinor, anonymous: r.anonymous, mandatoryReporter: r.mandatoryReporter,
        mandatoryReceiptCode: receiptCode, consentToShareContact: !r.anonymous && r.consentToShareContact,
        hasSafeContact: !r.anonymous && r.hasSafeContact, claimCode: newClaimCode('GL'), createdAt: now,
      })
      .returning();
    const hasIdentity = r.name || r.phone || r.organization || r.safeContactInstructions;
    if (hasIdentity) {
      await tx.insert(reporterIdentities).values({
        reporterId: reporter!.id, name: r.name, phone: r.phone, organization: r.organization,
        safeContactInstructions: r.safeContactInstructions, retainUntil,
      });
    }

    const code = await dailyCode(tx, 'MP', day);
    // A case is its own merge group until merged into an earlier report.
    const caseId = randomUUID();
    const [created] = await tx
      .insert(cases)
      .values({
        id: caseId,
        code, channel: input.channel, kind: input.kind, categoryId: category.id, domain: input.domain, urgency,
        guardianInvolved: input.guardianInvolved, perpetratorRelation: input.perpetratorRelation,
        reasonableSuspicion: input.reasonableSuspicion, districtId: input.districtId ?? null, street: input.street,
        summary: input.summary, narrative: input.narrative, status: 'RECEIVED', reporterId: reporter!.id,
        mergeGroupId: caseId, receivedAt: now, receivedDay: day,
        dispatchBy: input.kind === 'REPORT' ? sla.deadline('DISPATCH', urgency, now) : null,
        createdById: ctx.viewer.kind === 'user' ? ctx.viewer.id : null,
        intakeTokenId: ctx.viewer.kind === 'token' ? ctx.viewer.id : null,
        searchVector: searchVectorSql(code, input.summary, input.narrative, input.street) as never,
        createdAt: now, updatedAt: now,
      })
      .returning();

    const subjectInputs: SubjectInput[] = [
      ...input.minors.map((m) => ({
        kind: 'MINOR' as const, role: 'VICTIM' as const, name: m.name,
        birthYear: m.birthYear ?? (m.birthDate ? Number(m.birthDate.slice(0, 4)) : null),
        identity: { birthDate: m.birthDate ?? null, school: m.school, guardianName: m.guardianName, address: m.address },
      })),
      ...input.minors.filter((m) => m.school).map((m) => ({ kind: 'SCHOOL' as const, role: 'INVOLVED' as const, name: m.school! })),
      ...input.otherSubjects,
    ];
    const linked = await linkSubjects(tx, created!.id, created!.districtId, subjectInputs, now, retainUntil);
    // The last two writes are independent: sent together, one round trip while the counter is held.
    await Promise.all([
      input.idempotencyKey ? tx.insert(idempotencyKeys).values({ scope, key: input.idempotencyKey, caseId: created!.id, createdAt: now }) : null,
      recordAudit(tx, ctx, {
        action: 'case.register', entity: 'Case', entityId: created!.id,
        fields: ['channel', 'kind', 'category', 'domain', 'urgency', 'summary', 'narrative', ...(hasIdentity ? ['reporter.identity'] : []), ...(input.minors.length ? ['minors'] : [])],
        detail: { code, channel: input.channel, kind: input.kind, urgency, subjects: linked.length },
      }),
    ]);
    return { case: created!, claimCode: reporter!.claimCode, receiptCode, alertsRaised: linked.filter((l) => l.alertRaised).length, replayed: false };
  });
}
