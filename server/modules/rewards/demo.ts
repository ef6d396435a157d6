// Demo reward records in every state, through the service: the committee's inbox, a notice running
// now, a granted and a revoked reward, a second approval pending.
import { eq } from 'drizzle-orm';
import { rewardStandards } from '../../../schema/index.js';
import type { SeedKit } from '../../seed/actors.js';
import { beijingYear } from '../../shared/time.js';
import { setRewardBudget } from './admin.js';
import { rewardBudget } from './queries.js';
import {
  castCommitteeVote, claimReward, finalizeRewardDecision, grantReward, nominateReward, revokeReward, reviewReward, startPublicNotice,
} from './service.js';

export async function seedDemoRewards(kit: SeedKit, cases: { caseId: string; claimCode: string }[], suggestions: string[]) {
  const supervisor = await kit.as('supervisor');
  const secretary = await kit.as('secretary');
  const chair = await kit.as('chair');
  const members = await Promise.all(['member1', 'member2', 'member3'].map((m) => kit.as(m)));
  const year = beijingYear(kit.clock.now());
  const admin = await kit.as('admin');
  await rewardBudget(supervisor, year).catch(() => setRewardBudget(admin, { year, total: 50_000_000 }));
  const standard = async (code: string) => (await supervisor.db.select({ id: rewardStandards.id }).from(rewardStandards).where(eq(rewardStandards.code, code)))[0]!.id;
  const tick = () => kit.clock.advanceHours(4);

  const nominate = async (basis: { basisCaseId?: string; basisSuggestionId?: string }, code: string, amount: number, why: string) => {
    tick();
    return (await nominateReward(supervisor, { kind: basis.basisCaseId ? 'REPORT_REWARD' : 'SUGGESTION_REWARD', ...basis, standardId: await standard(code), proposedAmount: amount, justification: why })).id;
  };
  const review = async (id: string, eligible = true) => {
    tick();
    await reviewReward(secretary, { recordId: id });
    await reviewReward(secretary, { recordId: id, eligible, note: eligible ? '依据充分，符合奖励条件' : '不符合条件' });
  };
  const votes = async (id: string, decision: 'APPROVE' | 'REJECT', voters = members) => {
    for (const m of voters) {
      tick();
      await castCommitteeVote(m, { recordId: id, decision, noConflict: true, comment: decision === 'APPROVE' ? '同意' : '依据不足' });
    }
  };
  const finalize = async (id: string, finalAmount?: number) => {
    tick();
    return finalizeRewardDecision(chair, { recordId: id, finalAmount });
  };

  const [case0, case1, case2] = cases;
  const [s0, s1, s2, s3, s4, s5] = suggestions;
  const granted = await nominate({ basisCaseId: case0!.caseId }, 'RPT-L2', 100_000, '举报培训机构教师猥亵学生，经查属实，线索关键');
  const onNotice = await nominate({ basisCaseId: case1!.caseId }, 'RPT-L3', 30_000, '举报使用童工，经查属实');
  const secondApproval = await nominate({ basisCaseId: case2!.caseId }, 'RPT-L1', 400_000, '举报网吧长期接纳未成年人，涉及面广');
  const inCommittee = await nominate({ basisSuggestionId: s0! }, 'SUG-L1', 200_000, '护学岗建议实施后周边欺凌来电明显下降');
  const underReview = await nominate({ basisSuggestionId: s1! }, 'SUG-L2', 50_000, '网吧实名核验建议成效显著');
  const rejected = await nominate({ basisSuggestionId: s2! }, 'SUG-L3', 10_000, '儿童之家建议');
  await nominate({ basisSuggestionId: s3! }, 'SUG-L2', 40_000, '强制报告培训建议');
  const approved = await nominate({ basisSuggestionId: s4! }, 'SUG-L3', 20_000, '防沉迷建议');
  const revoked = await nominate({ basisSuggestionId: s5! }, 'SUG-L2', 60_000, '医院伤情识别流程建议');

  for (const id of [granted, onNotice, secondApproval, inCommittee, rejected, approved, revoked]) await review(id);
  tick();
  await reviewReward(secretary, { recordId: underReview });
  await votes(inCommittee, 'APPROVE', members.slice(0, 1));
  await votes(rejected, 'REJECT');
  await finalize(rejected);
  for (const id of [granted, onNotice, secondApproval, approved, revoked]) {
    await votes(id, 'APPROVE');
    await finalize(id);
  }
  // Notices long enough ago to have ended; then the grants.
  kit.clock.advanceHours(1);
  for (const id of [granted, revoked]) await startPublicNotice(secretary, { recordId: id });
  await claimReward(secretary, { claimCode: case0!.claimCode, name: '匿名举报人', bankName: '中国工商银行', bankAccount: '6222020200001234567' });
  const revokedClaim = (await secretary.db.query.rewardRecords.findFirst({ where: { id: revoked } }))!.nomineeClaimCode;
  await claimReward(secretary, { claimCode: revokedClaim, name: '李华', bankName: '中国建设银行', bankAccount: '6217000010001234567' });
  kit.clock.advanceHours(24 * 8);
  await grantReward(secretary, { recordId: granted, paymentReference: 'ZF-2026-0001', certificateNumber: 'JL-2026-0001' });
  await grantReward(secretary, { recordId: revoked, paymentReference: 'ZF-2026-0002', certificateNumber: 'JL-2026-0002' });
  await revokeReward(secretary, { recordId: revoked, reason: '经核查该建议系抄袭他人成果', recoverAmount: 60_000 });
  tick();
  await revokeReward(chair, { recordId: revoked });
  // A notice running now, for the public board.
  kit.clock.catchUp(new Date(kit.realNow.getTime() - 3600_000));
  await startPublicNotice(secretary, { recordId: onNotice });
}
