// Demo cases in every state, created through the services (so they obey every rule).
import type { SeedKit } from '../../seed/actors.js';
import { acceptDispatch, dispatchCase, replyDispatch, requestExtension, returnDispatch, summonDepartments } from '../dispatch/service.js';
import { registerCase, type RegisterCaseInput } from './intake.js';
import { closeCase, invalidateCase, mergeCase, recordFollowUp, reopenCase } from './lifecycle.js';

export interface DemoCases {
  /** Closed, substantiated, anonymous reporter: a tip-off reward basis. */
  rewardable: { caseId: string; claimCode: string }[];
}

export async function seedDemoCases(kit: SeedKit): Promise<DemoCases> {
  const operator = await kit.as('operator');
  const supervisor = await kit.as('supervisor');
  const police = await kit.as('police');
  const education = await kit.as('education');
  const chaoyang = await kit.district('110105');
  const haidian = await kit.district('110108');
  const psb = await kit.department('PSB-110105');
  const edu = await kit.department('EDU-110108');
  const civ = await kit.department('CIV-110105');

  const register = async (input: Partial<RegisterCaseInput> & { summary: string; category: string }) => {
    kit.clock.advanceHours(3);
    const { category, ...rest } = input;
    return registerCase(operator, {
      channel: 'HOTLINE', kind: 'REPORT', domain: 'FAMILY', districtId: chaoyang, narrative: '', ...rest,
      categoryId: await kit.category(category),
      reporter: rest.reporter ?? { name: '陈女士', phone: '13800001111', relationToMinor: 'NEIGHBOUR', hasSafeContact: true, safeContactInstructions: '工作日 9–17 点拨打，勿在晚间联系' },
    } as RegisterCaseInput);
  };
  const sendTo = async (caseId: string, departmentId: string) => (await dispatchCase(operator, { caseId, lead: { departmentId, instructions: '请尽快核实处置' } })).dispatches[0]!;
  const handle = async (caseId: string, outcome: 'SUBSTANTIATED' | 'NOT_SUBSTANTIATED' = 'SUBSTANTIATED') => {
    const d = await sendTo(caseId, psb);
    kit.clock.advanceHours(1);
    await acceptDispatch(police, { dispatchId: d.id });
    kit.clock.advanceHours(20);
    await replyDispatch(police, { dispatchId: d.id, result: '已上门核实，责令监护人改正', measures: '联合社区回访', outcome });
    return d;
  };

  // RECEIVED: an urgent school-bullying report waiting for dispatch.
  await register({ summary: '初二学生在校多次被同学欺凌', category: 'SCHOOL-BULLYING', domain: 'SCHOOL', districtId: haidian, minors: [{ name: '刘小明', birthYear: 2012, school: '海淀某中学' }] });
  // DISPATCHED, pending acceptance; with an extension request once accepted elsewhere.
  const neglect = await register({ summary: '邻居家两名儿童长期无人照看', category: 'GUARD-NEGLECT', minors: [{ name: '赵小花', birthYear: 2018 }] });
  await dispatchCase(operator, { caseId: neglect.case.id, lead: { departmentId: civ }, assists: [{ departmentId: psb }] });
  // IN_PROGRESS with a summons (吹哨) and an extension request.
  const violence = await register({
    summary: '疑似父亲对孩子实施家庭暴力', category: 'HARM-DOMESTIC', guardianInvolved: true, perpetratorRelation: 'PARENT', reasonableSuspicion: true,
    minors: [{ name: '孙小雨', birthYear: 2015, guardianName: '孙某' }],
  });
  const vd = await sendTo(violence.case.id, psb);
  await acceptDispatch(police, { dispatchId: vd.id });
  await summonDepartments(police, { dispatchId: vd.id, departments: [{ departmentId: civ, instructions: '请民政部门评估临时监护' }] });
  await requestExtension(police, { dispatchId: vd.id, reason: '需等待伤情鉴定结果', requestedReplyBy: new Date(kit.clock.now().getTime() + 10 * 86_400_000) });
  // REPLIED, awaiting the follow-up call.
  const online = await register({ summary: '孩子被网友诱导充值并索要照片', category: 'NET-FRAUD', domain: 'NETWORK' });
  await handle(online.case.id);
  // FOLLOWED_UP, ready to close.
  const school = await register({ summary: '学校周边商店向学生售烟', category: 'SOC-TOBACCO', domain: 'SOCIETY' });
  await handle(school.case.id);
  await recordFollowUp(operator, { caseId: school.case.id, respondent: 'REPORTER', resolved: true, satisfaction: 'SATISFIED', safeContactObserved: true });
  // RECEIVED again: returned by the department (退单).
  const returned = await register({ summary: '小区内有未成年人深夜在网吧', category: 'SOC-VENUE', domain: 'SOCIETY' });
  const rd = await sendTo(returned.case.id, edu);
  await returnDispatch(education, { dispatchId: rd.id, reason: '不属于教育部门职责，建议派文旅部门' });
  // REOPENED by a dissatisfied follow-up (重办).
  const redo = await register({ summary: '孩子长期被寄养亲戚家遭冷落', category: 'GUARD-NEGLECT' });
  await handle(redo.case.id, 'NOT_SUBSTANTIATED');
  await recordFollowUp(operator, { caseId: redo.case.id, respondent: 'REPORTER', resolved: false, satisfaction: 'DISSATISFIED', note: '情况没有改变', safeContactObserved: true });
  // CLOSED after a follow-up, then reopened by a supervisor.
  const reopened = await register({ summary: '放学路上有陌生人尾随女生', category: 'SCHOOL-SAFETY', domain: 'SCHOOL' });
  await handle(reopened.case.id);
  await recordFollowUp(operator, { caseId: reopened.case.id, respondent: 'REPORTER', resolved: true, satisfaction: 'BASICALLY_SATISFIED', safeContactObserved: true });
  await closeCase(operator, { caseId: reopened.case.id });
  await reopenCase(supervisor, { caseId: reopened.case.id, reason: '同一地点再次发生尾随' });
  // CLOSED without follow-up: anonymous tip-offs, substantiated — reward bases.
  const rewardable: DemoCases['rewardable'] = [];
  for (const summary of ['举报某培训机构教师猥亵学生', '举报工地使用童工', '举报某网吧长期接纳未成年人']) {
    const c = await register({ summary, category: summary.includes('童工') ? 'SOC-LABOUR' : summary.includes('猥亵') ? 'HARM-SEXUAL' : 'SOC-VENUE', domain: 'SOCIETY', reporter: { anonymous: true, hasSafeContact: false } as never });
    await handle(c.case.id);
    await closeCase(operator, { caseId: c.case.id, reason: '匿名举报，无法回访' });
    rewardable.push({ caseId: c.case.id, claimCode: c.claimCode });
  }
  // MERGED: a duplicate report of the first tip-off.
  const dup = await register({ summary: '又有人举报同一培训机构教师', category: 'HARM-SEXUAL', domain: 'SOCIETY' });
  await mergeCase(supervisor, { caseId: dup.case.id, intoCaseId: rewardable[0]!.caseId, reason: '同一违法行为的重复举报' });
  // INVALID: an empty call.
  const empty = await register({ summary: '来电无具体内容', category: 'OTHER-GENERAL', domain: 'SOCIETY', reporter: { anonymous: true, hasSafeContact: false } as never });
  await invalidateCase(supervisor, { caseId: empty.case.id, reason: '恶意骚扰电话' });
  // CLOSED directly: a consultation answered on the call.
  const consult = await register({ summary: '家长咨询孩子入学政策', category: 'LEGAL-POLICY', kind: 'CONSULTATION', domain: 'GOVERNMENT' });
  await closeCase(operator, { caseId: consult.case.id, reason: '已告知入学政策及咨询渠道' });
  // Weak signals meeting: three callers about one child raise a supervisor alert.
  for (const caller of ['邻居', '老师', '亲属']) {
    await register({ summary: `${caller}反映孩子身上常有伤痕`, category: 'HARM-ABUSE', minors: [{ name: '周小乐', birthYear: 2016 }], reporter: { name: `${caller}某`, relationToMinor: 'OTHER', hasSafeContact: true } as never });
  }
  return { rewardable };
}

/** Today's calls, so the desk's queue and the dashboard show live work. */
export async function seedTodaysCalls(kit: SeedKit): Promise<void> {
  kit.clock.catchUp(new Date(kit.realNow.getTime() - 5 * 3600_000));
  const operator = await kit.as('operator');
  const calls = [
    { summary: '孩子在家被继父打骂，来电人是班主任', category: 'HARM-DOMESTIC', urgency: 'IMMEDIATE', guardianInvolved: true, perpetratorRelation: 'STEP_PARENT', reporter: { name: '吴老师', relationToMinor: 'TEACHER', mandatoryReporter: true, hasSafeContact: true } },
    { summary: '初中生在网上被要求发送隐私照片', category: 'NET-HARMFUL', urgency: 'URGENT', reporter: { anonymous: true, hasSafeContact: false } },
    { summary: '家长咨询孩子厌学如何求助', category: 'HEALTH-CRISIS', urgency: 'NORMAL', kind: 'HELP_REQUEST', reporter: { name: '黄先生', relationToMinor: 'PARENT', hasSafeContact: true } },
  ] as const;
  for (const c of calls) {
    kit.clock.advanceHours(1);
    const { category, ...rest } = c;
    await registerCase(operator, { channel: 'HOTLINE', kind: 'REPORT', domain: 'FAMILY', districtId: await kit.district('110105'), ...rest, categoryId: await kit.category(category) } as RegisterCaseInput);
  }
}
