// The case workflow as data (DESIGN.md): RECEIVED → DISPATCHED → IN_PROGRESS → REPLIED → FOLLOWED_UP → CLOSED,
// with re-dispatch (REOPENED), returns, closing without follow-up, merges and invalidation.
import type { CaseStatus } from '../../../schema/enums.js';
import { StateMachine } from '../../shared/state-machine.js';

const OPEN: CaseStatus[] = ['RECEIVED', 'DISPATCHED', 'IN_PROGRESS', 'REPLIED', 'FOLLOWED_UP', 'REOPENED'];
export const OPEN_CASE_STATUSES = OPEN;

export const caseMachine = new StateMachine('Case', {
  dispatch: { from: ['RECEIVED', 'REOPENED'], to: 'DISPATCHED' },
  leadAccepts: { from: ['DISPATCHED'], to: 'IN_PROGRESS' },
  leadReturns: { from: ['DISPATCHED'], to: 'RECEIVED' },
  leadWithdrawn: { from: ['DISPATCHED', 'IN_PROGRESS'], to: 'RECEIVED' },
  leadReplies: { from: ['IN_PROGRESS'], to: 'REPLIED' },
  followUpResolved: { from: ['REPLIED'], to: 'FOLLOWED_UP' },
  followUpUnresolved: { from: ['REPLIED'], to: 'REOPENED' },
  close: { from: ['FOLLOWED_UP'], to: 'CLOSED' },
  closeWithoutFollowUp: { from: ['REPLIED'], to: 'CLOSED' },
  answerDirectly: { from: ['RECEIVED'], to: 'CLOSED' },
  reopen: { from: ['CLOSED'], to: 'REOPENED' },
  merge: { from: OPEN, to: 'MERGED' },
  invalidate: { from: OPEN, to: 'INVALID' },
} satisfies Record<string, { from: CaseStatus[]; to: CaseStatus }>);

export type CaseAction = keyof typeof caseMachine.table;
