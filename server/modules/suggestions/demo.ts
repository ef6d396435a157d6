// Demo suggestions (金点子) in every state, through the service.
import type { SeedKit } from '../../seed/actors.js';
import { assessSuggestionEffect, assignSuggestion, decideSuggestion, mergeSuggestion, recordImplementation, submitSuggestion } from './service.js';

const IDEAS = [
  ['校门口设置护学岗', '上下学高峰在校门口设置护学岗，减少校园周边欺凌和交通风险'],
  ['网吧实名核验接入公安系统', '网吧上网实名核验与公安系统联网，杜绝未成年人进入'],
  ['社区设立儿童之家', '每个社区设立儿童之家，为留守和困境儿童提供课后看护'],
  ['强制报告培训纳入教师继续教育', '将强制报告制度培训纳入教师继续教育学分'],
  ['游戏防沉迷夜间强制下线', '对未成年人账号夜间 22 点后强制下线'],
  ['医院设立儿童伤情识别流程', '急诊对疑似受虐儿童设立识别和报告流程'],
  ['中小学配备专职心理教师', '每所中小学至少配备一名专职心理教师'],
  ['校外培训机构从业人员背景审查', '培训机构从业人员入职前查询性侵违法犯罪记录'],
  ['公园增设一键报警柱', '儿童常去的公园增设一键报警柱'],
  ['推广儿童友好型候问室', '公安机关设立儿童友好型询问室，减少二次伤害'],
  ['重复建议：校门口护学岗', '建议在校门口安排家长志愿者护学'],
  ['建立困境儿童动态台账', '街道建立困境儿童动态台账，按月走访'],
  ['夜间网吧突击检查', '文旅部门加大夜间网吧检查频次'],
] as const;

/** Returns the EFFECTIVE suggestions (reward bases), oldest first. */
export async function seedDemoSuggestions(kit: SeedKit): Promise<string[]> {
  const operator = await kit.as('operator');
  const supervisor = await kit.as('supervisor');
  const education = await kit.as('education');
  const edu = await kit.department('EDU-110108');
  const haidian = await kit.district('110108');
  const bullying = await kit.category('SCHOOL-BULLYING');
  const submitted: string[] = [];
  for (const [i, [title, content]] of IDEAS.entries()) {
    kit.clock.advanceHours(2);
    const targeted = i === 0 ? { targetCategoryId: bullying, targetDistrictId: haidian } : {};
    const s = await submitSuggestion(operator, { title, content, ...targeted, submitter: i % 3 === 0 ? { anonymous: true } : { name: ['王建国', '李华', '张丽'][i % 3]!, phone: '1370000000' + i, organization: '某社区居委会' } });
    submitted.push(s.suggestion.id);
  }
  const step = async (fn: () => Promise<unknown>) => {
    kit.clock.advanceHours(6);
    await fn();
  };
  const evaluate = async (id: string) => step(() => assignSuggestion(supervisor, { suggestionId: id, departmentId: edu }));
  const adopt = async (id: string, adopt = true) => step(() => decideSuggestion(education, { suggestionId: id, adopt, reply: adopt ? '建议已采纳，将组织实施' : '经研究暂不采纳，感谢建议' }));
  const implement = async (id: string) => step(() => recordImplementation(education, { suggestionId: id, note: '已在辖区内推开', reply: '建议已落实' }));
  const assess = async (id: string, effective = true) =>
    step(() => assessSuggestionEffect(education, { suggestionId: id, effective, evidence: effective ? '相关来电明显下降' : '实施后来电未见下降', reply: effective ? '经评估成效显著' : '经评估成效不明显' }));

  const effective = submitted.slice(0, 6);
  for (const id of effective) {
    await evaluate(id);
    await adopt(id);
    await implement(id);
  }
  kit.clock.advanceHours(24 * 5);
  for (const id of effective) await assess(id);
  const [, , , , , , ineffective, implemented, adopted, declined, duplicate, underEvaluation] = submitted;
  for (const id of [ineffective!, implemented!, adopted!, declined!, underEvaluation!]) await evaluate(id);
  for (const id of [ineffective!, implemented!, adopted!]) await adopt(id);
  await adopt(declined!, false);
  for (const id of [ineffective!, implemented!]) await implement(id);
  await assess(ineffective!, false);
  await mergeSuggestion(supervisor, { suggestionId: duplicate!, intoSuggestionId: submitted[0]!, reply: '与已有建议重复，已合并，首位建议人保留署名' });
  // The last one stays SUBMITTED.
  return effective;
}
