// The suggestion workflow (金点子) over HTTP: every transition of the machine, replies on every outcome,
// the evaluating department's rights, merging into the earlier, the measured effect, and who sees what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuggestionStatus } from '../../schema/enums.js';
import { suggestionMachine, type SuggestionAction } from '../../server/modules/suggestions/machine.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';

let t: TestApp;
let h: ReturnType<typeof caseHelpers>;
beforeAll(async () => {
  t = await createTestApp();
  h = caseHelpers(t);
});
afterAll(() => t?.close());

const RESULT = `... on Suggestion { id status version mergedInto { id } } ... on Error { code message field } ... on InvalidTransitionError { currentState action }`;
const VIEW = `id code status submittedAt evaluatingDepartment { code } submitterDepartment { code } mergedInto { id } replies { status body } casesBefore casesAfter claimCode submitterName`;

async function call(as: string, name: string, inputType: string, input: Record<string, unknown>, selection = RESULT) {
  const r = await t.gql(`mutation($i: ${inputType}!) { ${name}(input: $i) { __typename ${selection} } }`, { i: input }, await t.login(as));
  if (r.errors) return { __typename: 'TopLevelError', code: r.errors[0]!.extensions?.code, message: r.errors[0]!.message };
  return r.data[name];
}

async function submit(as = 'operator', extra: Record<string, unknown> = {}) {
  const res = await call(as, 'submitSuggestion', 'SubmitSuggestionInput', {
    title: '放学时段增派护学岗', content: '建议在放学时段增派护学岗并设立安全通道', submitter: { name: '王小明', phone: '13900000000', organization: '某社区' }, ...extra,
  }, `... on SubmitSuggestionPayload { claimCode suggestion { id status } } ... on Error { code message field }`);
  h.must(res, 'SubmitSuggestionPayload', 'submit');
  return { id: res.suggestion.id as string, claimCode: res.claimCode as string };
}

async function view(id: string, as = 'operator') {
  const r = await t.gql(`query($id: ID!) { node(id: $id) { ... on Suggestion { ${VIEW} } } }`, { id }, await t.login(as));
  return r.data?.node ?? null;
}

const REPLY: Record<string, string> = { adopt: '建议已采纳，将组织实施', decline: '经评估暂不采纳', implement: '已在全区实施', assessEffective: '经评估成效明显', assessIneffective: '经评估成效不明显', merge: '与此前建议重复，已合并' };

/** One action of the machine, over HTTP, as the role that takes it. */
async function act(action: SuggestionAction, id: string, opts: { as?: string; reply?: string; into?: string; department?: string } = {}) {
  const reply = opts.reply ?? REPLY[action]!;
  switch (action) {
    case 'assign':
      return call(opts.as ?? 'supervisor', 'assignSuggestion', 'AssignSuggestionInput', { suggestionId: id, departmentId: await h.refId('Department', opts.department ?? 'EDU-110108'), note: '请海淀区教委评估' });
    case 'adopt':
    case 'decline':
      return call(opts.as ?? 'education', 'decideSuggestion', 'DecideSuggestionInput', { suggestionId: id, adopt: action === 'adopt', reply });
    case 'implement':
      return call(opts.as ?? 'education', 'recordImplementation', 'RecordImplementationInput', { suggestionId: id, note: '全区小学设护学岗', reply });
    case 'assessEffective':
    case 'assessIneffective':
      return call(opts.as ?? 'education', 'assessSuggestionEffect', 'AssessSuggestionEffectInput', { suggestionId: id, effective: action === 'assessEffective', evidence: '相关来电变化', reply });
    case 'merge':
      return call(opts.as ?? 'supervisor', 'mergeSuggestion', 'MergeSuggestionInput', { suggestionId: id, intoSuggestionId: opts.into, reply });
  }
}

/** The legal path to each state (MERGED through evaluation, so an evaluator is set). */
const PATH: Record<SuggestionStatus, SuggestionAction[]> = {
  SUBMITTED: [],
  UNDER_EVALUATION: ['assign'],
  ADOPTED: ['assign', 'adopt'],
  NOT_ADOPTED: ['assign', 'decline'],
  IMPLEMENTED: ['assign', 'adopt', 'implement'],
  EFFECTIVE: ['assign', 'adopt', 'implement', 'assessEffective'],
  INEFFECTIVE: ['assign', 'adopt', 'implement', 'assessIneffective'],
  MERGED: ['assign', 'merge'],
};

let anchor: string;
/** An earlier suggestion to merge into: created first, and the clock moves on after it. */
async function earlier() {
  if (!anchor) {
    anchor = (await submit()).id;
    t.clock.advanceHours(1);
  }
  return anchor;
}

async function suggestionIn(state: SuggestionStatus) {
  const into = await earlier();
  const { id } = await submit();
  for (const step of PATH[state]) h.must(await act(step, id, { into }), 'Suggestion', `${step} towards ${state}`);
  expect((await view(id)).status).toBe(state);
  return id;
}

const EVALUATOR_MOVES: SuggestionAction[] = ['adopt', 'decline', 'implement', 'assessEffective', 'assessIneffective'];

describe('the suggestion machine', () => {
  const table = suggestionMachine.table as Record<SuggestionAction, { from: SuggestionStatus[]; to: SuggestionStatus }>;

  it('every legal transition works over HTTP', async () => {
    for (const [action, { from, to }] of Object.entries(table) as [SuggestionAction, { from: SuggestionStatus[]; to: SuggestionStatus }][]) {
      for (const state of from) {
        const id = await suggestionIn(state);
        const res = await act(action, id, { into: await earlier() });
        expect(res, `${action} from ${state}`).toMatchObject({ __typename: 'Suggestion', status: to });
        expect((await view(id)).status).toBe(to);
      }
    }
  });

  it('every illegal one is INVALID_TRANSITION naming the current state, and changes nothing', async () => {
    const states = Object.keys(PATH) as SuggestionStatus[];
    for (const state of states) {
      const id = await suggestionIn(state);
      const before = await view(id);
      for (const [action, { from }] of Object.entries(table) as [SuggestionAction, { from: SuggestionStatus[] }][]) {
        if (from.includes(state)) continue;
        // No evaluator before assignment: the evaluator's moves are FORBIDDEN there (next test).
        if (state === 'SUBMITTED' && EVALUATOR_MOVES.includes(action)) continue;
        const res = await act(action, id, { into: await earlier() });
        expect(res, `${action} from ${state}`).toMatchObject({ __typename: 'InvalidTransitionError', code: 'INVALID_TRANSITION', currentState: state });
      }
      const after = await view(id);
      expect(after.status).toBe(state);
      expect(after.replies).toEqual(before.replies);
    }
  });

  it('before assignment nobody evaluates: deciding, implementing or assessing a SUBMITTED suggestion is FORBIDDEN', async () => {
    const id = await suggestionIn('SUBMITTED');
    for (const action of EVALUATOR_MOVES) expect((await act(action, id)).code, action).toBe('FORBIDDEN');
    expect((await view(id)).status).toBe('SUBMITTED');
  });
});

describe('replies', () => {
  it('every outcome carries a reply (missing → VALIDATION on reply), and replies lists them in order', async () => {
    const id = await suggestionIn('UNDER_EVALUATION');
    const steps: [SuggestionAction, SuggestionStatus][] = [['adopt', 'ADOPTED'], ['implement', 'IMPLEMENTED'], ['assessEffective', 'EFFECTIVE']];
    for (const [action, to] of steps) {
      for (const reply of ['', '  ', '好']) {
        const res = await act(action, id, { reply });
        expect(res, `${action} with reply ${JSON.stringify(reply)}`).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'reply' });
      }
      expect((await act(action, id)).status).toBe(to);
    }
    const s = await view(id);
    expect(s.replies).toEqual([
      { status: 'UNDER_EVALUATION', body: '请海淀区教委评估' },
      { status: 'ADOPTED', body: REPLY.adopt },
      { status: 'IMPLEMENTED', body: REPLY.implement },
      { status: 'EFFECTIVE', body: REPLY.assessEffective },
    ]);
  });

  it('declining and merging carry their replies too', async () => {
    const declined = await suggestionIn('UNDER_EVALUATION');
    expect(await act('decline', declined, { reply: '' })).toMatchObject({ code: 'VALIDATION', field: 'reply' });
    await act('decline', declined);
    expect((await view(declined)).replies.at(-1)).toEqual({ status: 'NOT_ADOPTED', body: REPLY.decline });
    const dup = await suggestionIn('SUBMITTED');
    expect(await act('merge', dup, { into: await earlier(), reply: ' ' })).toMatchObject({ code: 'VALIDATION', field: 'reply' });
    await act('merge', dup, { into: await earlier() });
    expect((await view(dup)).replies).toEqual([{ status: 'MERGED', body: REPLY.merge }]);
  });
});

describe('the evaluating department', () => {
  it('only it decides, implements and assesses: police is FORBIDDEN while education evaluates', async () => {
    const id = await suggestionIn('UNDER_EVALUATION');
    for (const action of ['adopt', 'decline'] as const) expect(await act(action, id, { as: 'police' })).toMatchObject({ code: 'FORBIDDEN' });
    await act('adopt', id);
    expect(await act('implement', id, { as: 'police' })).toMatchObject({ code: 'FORBIDDEN' });
    await act('implement', id);
    for (const action of ['assessEffective', 'assessIneffective'] as const) expect(await act(action, id, { as: 'police' })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await view(id)).status).toBe('IMPLEMENTED');
    // Desk staff do not evaluate either.
    expect((await act('assessEffective', id, { as: 'supervisor' })).code).toBe('FORBIDDEN');
    expect((await act('assessEffective', id)).status).toBe('EFFECTIVE');
  });

  it('without a target category or district, the assessment records no case counts', async () => {
    const id = await suggestionIn('EFFECTIVE');
    expect(await view(id)).toMatchObject({ casesBefore: null, casesAfter: null });
  });
});

describe('merging duplicates', () => {
  it('only into the earlier suggestion (the reverse is VALIDATION naming the direction); the earlier keeps its claim code', async () => {
    const first = await submit();
    t.clock.advanceHours(2);
    const second = await submit();
    const reverse = await act('merge', first.id, { into: second.id });
    expect(reverse).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'intoSuggestionId' });
    expect(reverse.message).toMatch(/earlier/);
    expect((await view(first.id)).status).toBe('SUBMITTED');

    const merged = await act('merge', second.id, { into: first.id });
    expect(merged).toMatchObject({ status: 'MERGED', mergedInto: { id: first.id } });
    const kept = await view(first.id);
    expect(kept).toMatchObject({ status: 'SUBMITTED', claimCode: first.claimCode });
    expect((await view(second.id)).claimCode).toBe(second.claimCode);
    // Not into a merged one, and not into itself.
    const third = await submit();
    expect(await act('merge', third.id, { into: second.id })).toMatchObject({ code: 'VALIDATION', field: 'intoSuggestionId' });
    expect(await act('merge', third.id, { into: third.id })).toMatchObject({ code: 'VALIDATION', field: 'intoSuggestionId' });
    // Only a supervisor merges.
    expect((await act('merge', third.id, { into: first.id, as: 'operator' })).code).toBe('FORBIDDEN');
  });

  it('submitted in the same instant, the one submitted first is the earlier (its code orders them)', async () => {
    const a = await submit();
    const b = await submit();
    expect((await view(a.id)).submittedAt).toBe((await view(b.id)).submittedAt);
    expect(await act('merge', a.id, { into: b.id })).toMatchObject({ code: 'VALIDATION', field: 'intoSuggestionId' });
    expect(await act('merge', b.id, { into: a.id })).toMatchObject({ status: 'MERGED', mergedInto: { id: a.id } });
  });
});

describe('effect assessment', () => {
  it('counts the cases in the target category (with its children) and district over equal spans before and after implementation', async () => {
    const district = await h.refId('District', '110101');
    const registerIn = async (category: string, districtCode = '110101') =>
      h.must(await h.register({ categoryId: await h.refId('CaseCategory', category), districtId: await h.refId('District', districtCode), domain: 'SCHOOL' }), 'RegisterCasePayload', `register ${category}`).case.id as string;

    const { id } = await submit('operator', { targetCategoryId: await h.refId('CaseCategory', 'SCHOOL'), targetDistrictId: district });
    await act('assign', id);
    await act('adopt', id);
    await registerIn('SCHOOL-BULLYING'); // I − 20 days: outside the 10-day span
    t.clock.advanceHours(11 * 24);
    await registerIn('SCHOOL-PUNISH'); // I − 9 days: before (a child category)
    await registerIn('SCHOOL-BULLYING', '110105'); // another district
    await registerIn('SOC-TOBACCO'); // another category
    t.clock.advanceHours(8 * 24);
    await registerIn('SCHOOL-BULLYING'); // I − 1 day: before
    const invalid = await registerIn('SCHOOL-BULLYING'); // invalidated: not counted
    h.must(await h.mutate('supervisor', 'invalidateCase', 'InvalidateCaseInput', { caseId: invalid, reason: '恶意骚扰来电' }), 'Case', 'invalidate');
    t.clock.advanceHours(24);
    expect((await act('implement', id)).status).toBe('IMPLEMENTED'); // I
    await registerIn('SCHOOL-BULLYING'); // at I: after
    t.clock.advanceHours(24);
    await registerIn('SCHOOL-SAFETY'); // I + 1 day: after
    t.clock.advanceHours(8 * 24);
    await registerIn('SCHOOL-BULLYING'); // I + 9 days: after
    await registerIn('SCHOOL-BULLYING', '110108'); // another district
    t.clock.advanceHours(24);
    const assessed = await act('assessEffective', id); // I + 10 days: span 10 days either side
    expect(assessed.status).toBe('EFFECTIVE');
    expect(await view(id)).toMatchObject({ casesBefore: 2, casesAfter: 3 });
  });
});

describe('who sees suggestions', () => {
  const listIds = async (as: string) => {
    const r = await t.gql(`{ suggestions(first: 100) { totalCount edges { node { id submitterDepartment { code } evaluatingDepartment { code } } } } }`, {}, await t.login(as));
    expect(r.errors).toBeUndefined();
    expect(r.data.suggestions.totalCount).toBe(r.data.suggestions.edges.length);
    return r.data.suggestions.edges.map((e: any) => e.node) as { id: string; submitterDepartment: { code: string } | null; evaluatingDepartment: { code: string } | null }[];
  };

  it('a department sees only what it submitted or evaluates', async () => {
    const byPolice = await submit('police');
    const forPolice = await submit();
    await act('assign', forPolice.id, { department: 'PSB-110105' });
    const forEducation = await submit();
    await act('assign', forEducation.id);
    const unassigned = await submit();

    const police = await listIds('police');
    const pIds = police.map((x) => x.id);
    expect(pIds).toEqual(expect.arrayContaining([byPolice.id, forPolice.id]));
    expect(pIds).not.toContain(forEducation.id);
    expect(pIds).not.toContain(unassigned.id);
    for (const x of police) expect([x.submitterDepartment?.code, x.evaluatingDepartment?.code]).toContain('PSB-110105');

    const education = await listIds('education');
    const eIds = education.map((x) => x.id);
    expect(eIds).toContain(forEducation.id);
    expect(eIds).not.toContain(byPolice.id);
    expect(eIds).not.toContain(forPolice.id);
    expect(eIds).not.toContain(unassigned.id);
    for (const x of education) expect([x.submitterDepartment?.code, x.evaluatingDepartment?.code]).toContain('EDU-110108');

    expect(await view(forEducation.id, 'police')).toBeNull();
    expect(await view(byPolice.id, 'education')).toBeNull();
    expect((await view(byPolice.id, 'police')).submitterDepartment).toEqual({ code: 'PSB-110105' });
    // The desk sees them all.
    expect((await listIds('operator')).map((x) => x.id)).toEqual(expect.arrayContaining([byPolice.id, forPolice.id, forEducation.id, unassigned.id]));
  });

  it('the analyst sees suggestions, but submitterName and claimCode are null', async () => {
    const { id, claimCode } = await submit('operator', { submitter: { name: '赵建国', phone: '13811112222', organization: '某街道' } });
    expect(await view(id, 'operator')).toMatchObject({ submitterName: '赵建国', claimCode });
    const r = await t.gql(`{ suggestions(first: 100) { edges { node { ${VIEW} } } } }`, {}, await t.login('analyst'));
    const mine = r.data.suggestions.edges.map((e: any) => e.node).find((x: any) => x.id === id);
    expect(mine).toMatchObject({ status: 'SUBMITTED', submitterName: null, claimCode: null });
    for (const x of r.data.suggestions.edges) expect(x.node).toMatchObject({ submitterName: null, claimCode: null });
    expect(r.text).not.toContain('赵建国');
    expect(r.text).not.toContain(claimCode);
    expect(await view(id, 'analyst')).toMatchObject({ submitterName: null, claimCode: null });
    // Roles with no suggestion business see none.
    for (const who of ['secretary', 'member1', 'admin']) {
      const denied = await t.gql(`{ suggestions(first: 5) { totalCount } }`, {}, await t.login(who));
      expect(denied.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
  });
});
