// Building blocks for case tests, all over HTTP: look up reference ids, register, dispatch, move.
import { sql } from 'drizzle-orm';
import type { CaseStatus } from '../../schema/enums.js';
import type { TestApp } from './app.js';

/** Case fields for mutation results (no `code`: it would clash with Error.code in the same selection). */
export const CASE_RESULT_FIELDS = `id status version kind urgency receivedDay dispatchBy availableActions
  dispatches { id role status version department { code } }`;
export const CASE_FIELDS = `code ${CASE_RESULT_FIELDS}`;

export function caseHelpers(t: TestApp) {
  const ids = new Map<string, string>();
  async function refId(kind: 'Department' | 'CaseCategory' | 'District', code: string): Promise<string> {
    const key = `${kind}:${code}`;
    if (ids.has(key)) return ids.get(key)!;
    const token = await t.login('operator');
    if (kind === 'Department') {
      const r = await t.gql(`query($s: String) { departments(first: 100, filter: { search: $s }) { edges { node { id code } } } }`, { s: code }, token);
      const node = r.data.departments.edges.find((e: any) => e.node.code === code)?.node;
      if (!node) throw new Error(`no department ${code}`);
      ids.set(key, node.id);
    } else if (kind === 'CaseCategory') {
      const r = await t.gql(`{ caseCategories { id code } }`, {}, token);
      for (const c of r.data.caseCategories) ids.set(`CaseCategory:${c.code}`, c.id);
    } else {
      const r = await t.gql(`{ districts { id code } }`, {}, token);
      for (const d of r.data.districts) ids.set(`District:${d.code}`, d.id);
    }
    if (!ids.has(key)) throw new Error(`no ${kind} ${code}`);
    return ids.get(key)!;
  }

  async function register(input: Record<string, unknown> = {}, as = 'operator') {
    const token = as.startsWith('glt_') ? as : await t.login(as);
    const r = await t.gql(
      `mutation($i: RegisterCaseInput!) { registerCase(input: $i) { __typename
        ... on RegisterCasePayload { claimCode receiptCode alertsRaised replayed case { ${CASE_FIELDS} } }
        ... on Error { code message field } } }`,
      {
        i: {
          channel: 'HOTLINE', kind: 'REPORT', categoryId: await refId('CaseCategory', 'SCHOOL-BULLYING'), domain: 'SCHOOL',
          districtId: await refId('District', '110105'), summary: '学生在校遭受欺凌', narrative: '来电人反映孩子在学校被同学欺凌',
          reporter: { name: '张女士', phone: '13800000000', relationToMinor: 'PARENT', consentToShareContact: false, hasSafeContact: true },
          ...input,
        },
      },
      token,
    );
    return r.data?.registerCase ?? r;
  }

  const DISPATCH_MUTATIONS = ['acceptDispatch', 'returnDispatch', 'replyDispatch', 'withdrawDispatch'];
  async function mutate(as: string, name: string, inputType: string, input: Record<string, unknown>, selection?: string) {
    selection ??= DISPATCH_MUTATIONS.includes(name) ? `... on Dispatch { id status version role }` : `... on Case { ${CASE_RESULT_FIELDS} }`;
    const token = as.startsWith('glt_') ? as : await t.login(as);
    const r = await t.gql(
      `mutation($i: ${inputType}!) { ${name}(input: $i) { __typename ${selection} ... on Error { code message field }
        ... on InvalidTransitionError { currentState } ... on StaleVersionError { currentVersion } } }`,
      { i: input },
      token,
    );
    if (r.errors) return { __typename: 'TopLevelError', code: r.errors[0]!.extensions?.code, message: r.errors[0]!.message };
    return r.data[name];
  }

  async function getCase(id: string, as = 'operator') {
    const token = as.startsWith('glt_') ? as : await t.login(as);
    const r = await t.gql(`query($id: ID!) { node(id: $id) { ... on Case { ${CASE_FIELDS} } } }`, { id }, token);
    return r.data?.node ?? null;
  }

  /** A case dispatched to `lead` (and accepted when asked), ready for the department's moves. */
  async function dispatched(lead = 'PSB-110105', opts: { accept?: boolean; reply?: boolean; input?: Record<string, unknown> } = {}) {
    const reg = await register(opts.input);
    const d = await mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: reg.case.id, lead: { departmentId: await refId('Department', lead) } }, `... on DispatchCasePayload { case { ${CASE_FIELDS} } dispatches { id status version role } }`);
    const dispatch = d.dispatches[0];
    const handler = lead === 'PSB-110105' ? 'police' : 'education';
    if (opts.accept || opts.reply) await mutate(handler, 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: dispatch.id });
    if (opts.reply) await mutate(handler, 'replyDispatch', 'ReplyDispatchInput', { dispatchId: dispatch.id, result: '已核实并处置', outcome: 'SUBSTANTIATED' });
    return { caseId: reg.case.id as string, code: reg.case.code as string, dispatchId: dispatch.id as string, claimCode: reg.claimCode as string };
  }

  /** Any operation as a demo user (or with a `glt_` token); the raw result. */
  async function query(as: string, q: string, variables?: Record<string, unknown>) {
    const token = as.startsWith('glt_') ? as : await t.login(as);
    return t.gql(q, variables, token);
  }

  /** Rows of a table (optionally filtered by a raw SQL condition), counted in the database itself. */
  async function countRows(table: string, where?: ReturnType<typeof sql>) {
    const [row] = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} ${where ? sql`where ${where}` : sql``}`);
    return Number(row!.n);
  }

  /** Fails loudly when a step that must succeed comes back as something else. */
  function must<T extends { __typename?: string }>(result: T, typename: string, what: string): T {
    if (result?.__typename !== typename) throw new Error(`${what}: expected ${typename}, got ${JSON.stringify(result)}`);
    return result;
  }

  const handlerOf = (department: string) => (department === 'EDU-110108' ? 'education' : 'police');

  /**
   * A fresh case brought to `state` over HTTP through the legal path. `dispatchId` is the latest lead
   * dispatch (when there is one). MERGED cases are merged into a fresh earlier case (`anchorId`).
   */
  async function caseIn(state: CaseStatus, opts: { input?: Record<string, unknown>; lead?: string; respondent?: string } = {}) {
    const lead = opts.lead ?? 'PSB-110105';
    const handler = handlerOf(lead);
    let anchorId: string | null = null;
    if (state === 'MERGED') anchorId = must(await register(opts.input), 'RegisterCasePayload', 'register anchor').case.id;
    const reg = must(await register(opts.input), 'RegisterCasePayload', 'register');
    const caseId: string = reg.case.id;
    let dispatchId: string | null = null;
    const path: CaseStatus[] = ['DISPATCHED', 'IN_PROGRESS', 'REPLIED', 'FOLLOWED_UP', 'CLOSED', 'REOPENED'];
    const steps = state === 'MERGED' || state === 'INVALID' || state === 'RECEIVED' ? 0 : path.indexOf(state) + 1;
    for (const step of path.slice(0, steps)) {
      if (step === 'DISPATCHED') {
        const d = must(
          await mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId, lead: { departmentId: await refId('Department', lead) } }, `... on DispatchCasePayload { dispatches { id role } }`),
          'DispatchCasePayload', 'dispatch',
        );
        dispatchId = d.dispatches.find((x: any) => x.role === 'LEAD').id;
      } else if (step === 'IN_PROGRESS') {
        must(await mutate(handler, 'acceptDispatch', 'AcceptDispatchInput', { dispatchId }), 'Dispatch', 'accept');
      } else if (step === 'REPLIED') {
        must(await mutate(handler, 'replyDispatch', 'ReplyDispatchInput', { dispatchId, result: '已核实并处置', outcome: 'SUBSTANTIATED' }), 'Dispatch', 'reply');
      } else if (step === 'FOLLOWED_UP') {
        must(
          await mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', { caseId, respondent: opts.respondent ?? 'REPORTER', resolved: true, satisfaction: 'SATISFIED', safeContactObserved: true }, `... on RecordFollowUpPayload { case { status } }`),
          'RecordFollowUpPayload', 'follow-up',
        );
      } else if (step === 'CLOSED') {
        must(await mutate('operator', 'closeCase', 'CloseCaseInput', { caseId }), 'Case', 'close');
      } else if (step === 'REOPENED') {
        must(await mutate('supervisor', 'reopenCase', 'ReopenCaseInput', { caseId, reason: '再次来电反映' }), 'Case', 'reopen');
      }
    }
    if (state === 'MERGED') must(await mutate('supervisor', 'mergeCase', 'MergeCaseInput', { caseId, intoCaseId: anchorId, reason: '同一事件重复来电' }), 'Case', 'merge');
    if (state === 'INVALID') must(await mutate('supervisor', 'invalidateCase', 'InvalidateCaseInput', { caseId, reason: '恶意骚扰来电' }), 'Case', 'invalidate');
    const now = await getCase(caseId);
    if (now?.status !== state) throw new Error(`caseIn(${state}) reached ${now?.status}`);
    return { caseId, code: reg.case.code as string, dispatchId, anchorId, version: now.version as number, claimCode: reg.claimCode as string };
  }

  return { refId, register, mutate, getCase, dispatched, query, countRows, must, handlerOf, caseIn };
}
