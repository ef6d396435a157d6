// departmentPerformance: the three rates (response 响应率, resolution 解决率, satisfaction 满意率), mean
// accept and reply times, overdue counts and rank, per department over Beijing months. Finished work
// comes from `department_monthly_stats` (kept by triggers in the writing transaction); pending work
// past its deadline is counted live. The formulas are versioned and returned beside the figures.
import { sql } from 'drizzle-orm';
import { departments } from '../../../schema/index.js';
import type { ServiceContext } from '../../context.js';
import { ValidationError } from '../../shared/errors.js';
import { performanceScope } from './access.js';
import { addDays, addMonths, monthEnd, parseMonth, periodInstants, todayIn } from './period.js';

export const FORMULA_VERSION = 'guardline-performance/1';

/** Each figure's formula, in words, as returned beside it. */
export const FORMULAS = {
  responseRate:
    'v1 响应率 = dispatches accepted or returned by their accept-by ÷ dispatches whose acceptance fell due (accepted, returned, withdrawn after accept-by, or still pending past accept-by now — counted live); a dispatch withdrawn by the desk before its accept-by is left out. Counted in the Beijing month the dispatch was made.',
  resolutionRate:
    'v1 解决率 = lead replies whose first follow-up said resolved and whose child was not re-reported within 90 days of the reply ÷ lead replies judged (a counted follow-up, or a re-report of the child within 90 days). A displeased guardian (not resolved or dissatisfied) in a protection case (kind REPORT) does not count against the department: that follow-up is left out, unless the child was re-reported. Counted in the Beijing month of the reply; provisional until 90 days after the month ends.',
  satisfactionRate:
    'v1 满意率 = counted follow-ups answering SATISFIED or BASICALLY_SATISFIED ÷ counted follow-ups with a satisfaction answer (the same follow-ups as 解决率, displeased guardians in protection cases left out). Counted in the Beijing month of the reply.',
  meanAcceptHours: 'v1 mean hours from dispatch to acceptance (签收), over dispatches accepted; by the month of dispatch.',
  meanReplyHours: 'v1 mean hours from acceptance to reply, over replies; by the month of reply.',
  onTimeReplyRate: 'v1 replies made by their (possibly extended) reply-by ÷ replies; by the month of reply.',
  overdueNow: 'v1 open dispatches held by the department now past their accept-by (pending) or reply-by — counted live, whatever month they were made.',
  score:
    'v1 score = 0.3 × 响应率 + 0.4 × 解决率 + 0.3 × 满意率, over the rates that have a denominator (weights rescaled to 1); rank 1 = highest score among departments with at least one rate.',
} as const;

const WEIGHTS = { response: 0.3, resolution: 0.4, satisfaction: 0.3 };
/** A month's re-report window closes 90 days after its last day. */
export const PROVISIONAL_DAYS = 90;

export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
  formula: string;
}

export interface DepartmentPerformanceRow {
  departmentId: string;
  departmentCode: string;
  departmentNameZh: string;
  dispatched: number;
  leadDispatched: number;
  responseRate: Rate;
  resolutionRate: Rate;
  satisfactionRate: Rate;
  onTimeReplyRate: Rate;
  meanAcceptHours: number | null;
  meanReplyHours: number | null;
  leadReplied: number;
  rereported: number;
  excludedGuardianFollowUps: number;
  /** Pending past accept-by now, of the dispatches made in the period (part of the response denominator). */
  pendingLate: number;
  overdueNow: number;
  score: number | null;
  rank: number | null;
  provisional: boolean;
}

export interface DepartmentPerformanceResult {
  fromMonth: string;
  toMonth: string;
  formulaVersion: string;
  provisional: boolean;
  /** The day the latest month's figures become final (90 days after it ends). */
  finalFrom: string;
  asOf: Date;
  rows: DepartmentPerformanceRow[];
}

export interface DepartmentPerformanceInput {
  /** YYYY-MM */
  fromMonth: string;
  toMonth?: string | null;
  departmentId?: string | null;
}

interface Counters {
  department_id: string;
  dispatched: number;
  lead_dispatched: number;
  response_due: number;
  response_on_time: number;
  accepted: number;
  accept_seconds: number;
  replied: number;
  replied_on_time: number;
  reply_seconds: number;
  lead_replied: number;
  judged: number;
  resolved: number;
  satisfaction_answers: number;
  satisfied: number;
  excluded_guardian: number;
  rereported: number;
}

const rate = (numerator: number, denominator: number, formula: string): Rate => ({
  value: denominator > 0 ? numerator / denominator : null,
  numerator,
  denominator,
  formula,
});

export async function departmentPerformance(ctx: ServiceContext, input: DepartmentPerformanceInput): Promise<DepartmentPerformanceResult> {
  const scope = await performanceScope(ctx);
  const from = parseMonth(input.fromMonth, 'fromMonth');
  const to = input.toMonth ? parseMonth(input.toMonth, 'toMonth') : from;
  if (to < from) throw new ValidationError('The period ends before it starts', 'toMonth');
  if (addMonths(from, 36) <= to) throw new ValidationError('At most 36 months at once', 'toMonth');
  if (input.departmentId && scope && !scope.includes(input.departmentId)) throw new ValidationError('Not your department', 'departmentId');

  const now = ctx.clock.now();
  const at = now.toISOString();
  const { start, end } = periodInstants({ from, to: monthEnd(to) });
  const [counters, pendingLate, overdueNow, deps] = await Promise.all([
    ctx.database.rows<Counters>(sql`
      select department_id, sum(dispatched)::int as dispatched, sum(lead_dispatched)::int as lead_dispatched,
        sum(response_due)::int as response_due, sum(response_on_time)::int as response_on_time,
        sum(accepted)::int as accepted, sum(accept_seconds)::float8 as accept_seconds,
        sum(replied)::int as replied, sum(replied_on_time)::int as replied_on_time, sum(reply_seconds)::float8 as reply_seconds,
        sum(lead_replied)::int as lead_replied, sum(judged)::int as judged, sum(resolved)::int as resolved,
        sum(satisfaction_answers)::int as satisfaction_answers, sum(satisfied)::int as satisfied,
        sum(excluded_guardian)::int as excluded_guardian, sum(rereported)::int as rereported
      from department_monthly_stats where month between ${from}::date and ${to}::date
      group by department_id`),
    // Live: still pending past accept-by, of the dispatches made in the period.
    ctx.database.rows<{ department_id: string; n: number }>(sql`
      select department_id, count(*)::int as n from dispatches
      where status = 'PENDING' and accept_by < ${at}::timestamptz
        and created_at >= ${start.toISOString()}::timestamptz and created_at < ${end.toISOString()}::timestamptz
      group by department_id`),
    // Live: everything the department holds that is late now — pending past accept-by or reply-by,
    // accepted past reply-by (two disjoint sets, each from its own partial index).
    ctx.database.rows<{ department_id: string; n: number }>(sql`
      select department_id, sum(n)::int as n from (
        select department_id, count(*) as n from dispatches
        where status = 'PENDING' and (accept_by < ${at}::timestamptz or reply_by < ${at}::timestamptz) group by 1
        union all
        select department_id, count(*) from dispatches where status = 'ACCEPTED' and reply_by < ${at}::timestamptz group by 1
      ) late group by department_id`),
    ctx.db.select({ id: departments.id, code: departments.code, nameZh: departments.nameZh }).from(departments),
  ]);
  const late = new Map(pendingLate.map((r) => [r.department_id, Number(r.n)]));
  const overdue = new Map(overdueNow.map((r) => [r.department_id, Number(r.n)]));
  const byId = new Map(counters.map((c) => [c.department_id, c]));
  const ids = new Set([...byId.keys(), ...late.keys(), ...overdue.keys()]);
  const depInfo = new Map(deps.map((d) => [d.id, d]));

  const today = todayIn(now);
  const finalFrom = addDays(monthEnd(to), PROVISIONAL_DAYS + 1);
  const provisional = today < finalFrom;

  const rows: DepartmentPerformanceRow[] = [];
  for (const id of ids) {
    const c = byId.get(id);
    const n = (k: keyof Omit<Counters, 'department_id'>) => Number(c?.[k] ?? 0);
    const pending = late.get(id) ?? 0;
    const responseRate = rate(n('response_on_time'), n('response_due') + pending, FORMULAS.responseRate);
    const resolutionRate = rate(n('resolved'), n('judged'), FORMULAS.resolutionRate);
    const satisfactionRate = rate(n('satisfied'), n('satisfaction_answers'), FORMULAS.satisfactionRate);
    const parts = [
      [responseRate.value, WEIGHTS.response],
      [resolutionRate.value, WEIGHTS.resolution],
      [satisfactionRate.value, WEIGHTS.satisfaction],
    ].filter(([v]) => v !== null) as [number, number][];
    const weight = parts.reduce((s, [, w]) => s + w, 0);
    const info = depInfo.get(id);
    rows.push({
      departmentId: id,
      departmentCode: info?.code ?? '',
      departmentNameZh: info?.nameZh ?? '',
      dispatched: n('dispatched'),
      leadDispatched: n('lead_dispatched'),
      responseRate,
      resolutionRate,
      satisfactionRate,
      onTimeReplyRate: rate(n('replied_on_time'), n('replied'), FORMULAS.onTimeReplyRate),
      meanAcceptHours: n('accepted') > 0 ? n('accept_seconds') / n('accepted') / 3600 : null,
      meanReplyHours: n('replied') > 0 ? n('reply_seconds') / n('replied') / 3600 : null,
      leadReplied: n('lead_replied'),
      rereported: n('rereported'),
      excludedGuardianFollowUps: n('excluded_guardian'),
      pendingLate: pending,
      overdueNow: overdue.get(id) ?? 0,
      score: weight > 0 ? parts.reduce((s, [v, w]) => s + v * w, 0) / weight : null,
      rank: null,
      provisional,
    });
  }
  // Rank among every department (a department sees where it stands), ties share a rank.
  const ranked = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score! || a.departmentCode.localeCompare(b.departmentCode));
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    r.rank = prev && Math.abs(prev.score! - r.score!) < 1e-12 ? prev.rank : i + 1;
  });
  const visible = rows
    .filter((r) => (scope ? scope.includes(r.departmentId) : true))
    .filter((r) => (input.departmentId ? r.departmentId === input.departmentId : true))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.departmentCode.localeCompare(b.departmentCode));
  return { fromMonth: from.slice(0, 7), toMonth: to.slice(0, 7), formulaVersion: FORMULA_VERSION, provisional, finalFrom, asOf: now, rows: visible };
}
