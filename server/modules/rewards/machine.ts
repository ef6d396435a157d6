// The reward workflow as data (DESIGN.md): nomination → eligibility review → committee → (second
// approval) → public notice (公示) → grant; an upheld objection returns the record to the committee.
import type { RewardStatus } from '../../../schema/enums.js';
import { StateMachine } from '../../shared/state-machine.js';

const BEFORE_GRANT: RewardStatus[] = ['NOMINATED', 'UNDER_REVIEW', 'IN_COMMITTEE', 'AWAITING_SECOND_APPROVAL', 'APPROVED', 'PUBLIC_NOTICE'];
export const IN_PROGRESS_REWARD_STATUSES = BEFORE_GRANT;

export const rewardMachine = new StateMachine('RewardRecord', {
  startReview: { from: ['NOMINATED'], to: 'UNDER_REVIEW' },
  findEligible: { from: ['UNDER_REVIEW'], to: 'IN_COMMITTEE' },
  findIneligible: { from: ['UNDER_REVIEW'], to: 'REJECTED' },
  approve: { from: ['IN_COMMITTEE'], to: 'APPROVED' },
  approvePendingSecond: { from: ['IN_COMMITTEE'], to: 'AWAITING_SECOND_APPROVAL' },
  reject: { from: ['IN_COMMITTEE'], to: 'REJECTED' },
  secondApprove: { from: ['AWAITING_SECOND_APPROVAL'], to: 'APPROVED' },
  secondReject: { from: ['AWAITING_SECOND_APPROVAL'], to: 'REJECTED' },
  startNotice: { from: ['APPROVED'], to: 'PUBLIC_NOTICE' },
  upholdObjection: { from: ['PUBLIC_NOTICE'], to: 'IN_COMMITTEE' },
  grant: { from: ['PUBLIC_NOTICE'], to: 'GRANTED' },
  revoke: { from: ['GRANTED'], to: 'REVOKED' },
  /** A flagged record (its basis case was reopened) found no longer eligible on review. */
  withdrawFlagged: { from: BEFORE_GRANT, to: 'REJECTED' },
} satisfies Record<string, { from: RewardStatus[]; to: RewardStatus }>);

export type RewardAction = keyof typeof rewardMachine.table;
