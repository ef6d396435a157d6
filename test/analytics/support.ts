// Building blocks for analytics tests: cases moved through the loop over HTTP at chosen instants.
import { sql } from 'drizzle-orm';
import type { TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';

export interface FlowStep {
  /** Hours after receipt. */
  at: number;
}

export interface Flow {
  /** ISO instant of receipt (the clock is set to it). */
  at: string;
  category?: string;
  district?: string | null;
  street?: string;
  kind?: 'REPORT' | 'CONSULTATION' | 'HELP_REQUEST';
  guardianInvolved?: boolean;
  minors?: { name: string; birthYear: number; school?: string }[];
  reporter?: Record<string, unknown>;
  lead?: string;
  dispatchAfterH?: number;
  acceptAfterH?: number;
  returnAfterH?: number;
  replyAfterH?: number;
  followUp?: { afterH: number; respondent: string; resolved: boolean; satisfaction?: string };
}

const HANDLERS: Record<string, string> = { 'PSB-110105': 'police', 'EDU-110108': 'education' };
const hoursAfter = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3600_000);

export function analyticsHelpers(t: TestApp) {
  const h = caseHelpers(t);

  /** Registers a case at `f.at` and moves it through dispatch, accept/return, reply and follow-up at the given hours. */
  async function flow(f: Flow) {
    t.clock.set(f.at);
    const input: Record<string, unknown> = {
      categoryId: await h.refId('CaseCategory', f.category ?? 'SCHOOL-BULLYING'),
      districtId: f.district === null ? null : await h.refId('District', f.district ?? '110105'),
      kind: f.kind ?? 'REPORT',
      guardianInvolved: f.guardianInvolved ?? false,
      ...(f.street ? { street: f.street } : {}),
      ...(f.minors ? { minors: f.minors } : {}),
      ...(f.reporter ? { reporter: f.reporter } : {}),
    };
    const reg = h.must(await h.register(input), 'RegisterCasePayload', 'register');
    const caseId: string = reg.case.id;
    let dispatchId: string | null = null;
    if (f.lead) {
      t.clock.set(hoursAfter(f.at, f.dispatchAfterH ?? 0));
      const d = h.must(
        await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId, lead: { departmentId: await h.refId('Department', f.lead) } }, `... on DispatchCasePayload { dispatches { id role } }`),
        'DispatchCasePayload', 'dispatch',
      );
      dispatchId = d.dispatches.find((x: any) => x.role === 'LEAD').id;
      const handler = HANDLERS[f.lead]!;
      if (f.returnAfterH !== undefined) {
        t.clock.set(hoursAfter(f.at, f.returnAfterH));
        h.must(await h.mutate(handler, 'returnDispatch', 'ReturnDispatchInput', { dispatchId, reason: '不属于本单位职责' }), 'Dispatch', 'return');
      }
      if (f.acceptAfterH !== undefined) {
        t.clock.set(hoursAfter(f.at, f.acceptAfterH));
        h.must(await h.mutate(handler, 'acceptDispatch', 'AcceptDispatchInput', { dispatchId }), 'Dispatch', 'accept');
      }
      if (f.replyAfterH !== undefined) {
        t.clock.set(hoursAfter(f.at, f.replyAfterH));
        h.must(await h.mutate(handler, 'replyDispatch', 'ReplyDispatchInput', { dispatchId, result: '已核实并处置', outcome: 'SUBSTANTIATED' }), 'Dispatch', 'reply');
      }
      if (f.followUp) {
        t.clock.set(hoursAfter(f.at, f.followUp.afterH));
        h.must(
          await h.mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', {
            caseId, respondent: f.followUp.respondent, resolved: f.followUp.resolved, satisfaction: f.followUp.satisfaction, safeContactObserved: true,
          }, `... on RecordFollowUpPayload { case { status } }`),
          'RecordFollowUpPayload', 'follow-up',
        );
      }
    }
    return { caseId, code: reg.case.code as string, dispatchId };
  }

  /** Every rollup table's rows, sorted, for comparing trigger-kept rollups with a rebuild. */
  async function rollupSnapshot() {
    const tables = ['case_daily_stats', 'case_monthly_stats', 'case_monthly_category_district', 'dispatch_daily_stats', 'dispatch_monthly_stats', 'department_monthly_stats'];
    const out: Record<string, string[]> = {};
    for (const table of tables) {
      const rows = await t.database.rows<Record<string, unknown>>(sql`select * from ${sql.identifier(table)}`);
      out[table] = rows
        .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1000) / 1000 : v]))))
        // rows emptied back to zero are the same as no row
        .filter((s) => !/"(received|dispatched)":0[,}]/.test(s))
        .sort();
    }
    const replies = await t.database.rows<Record<string, unknown>>(sql`select dispatch_id, case_id, department_id, month, protection, follow_up_respondent, follow_up_resolved, follow_up_satisfaction, rereported_by is not null as rereported from analytics_lead_replies`);
    out.analytics_lead_replies = replies.map((r) => JSON.stringify(r)).sort();
    return out;
  }

  return { h, flow, rollupSnapshot };
}

export const STATS_FIELDS = `from to bucket groupBy measure suppressionApplied asOf freshness total { value suppressed display }
  rows { period category { code } parentCategory { code } district { code } domain urgency channel kind department { code }
    received { value suppressed display } open { value suppressed display } overdue { value suppressed display } }`;

/** A row's breakdown as one readable key, e.g. "2026-03-01|SCHOOL-BULLYING". */
export function keyOf(row: any): string {
  return [row.period, row.category?.code, row.parentCategory?.code, row.district?.code, row.domain, row.urgency, row.channel, row.kind, row.department?.code]
    .filter((v) => v != null)
    .join('|');
}
