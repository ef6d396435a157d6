// The dispatch workflow as data: PENDING → ACCEPTED → REPLIED; PENDING → RETURNED; open → WITHDRAWN.
import type { DispatchStatus } from '../../../schema/enums.js';
import { StateMachine } from '../../shared/state-machine.js';

export const OPEN_DISPATCH_STATUSES: DispatchStatus[] = ['PENDING', 'ACCEPTED'];

export const dispatchMachine = new StateMachine('Dispatch', {
  accept: { from: ['PENDING'], to: 'ACCEPTED' },
  return: { from: ['PENDING'], to: 'RETURNED' },
  reply: { from: ['ACCEPTED'], to: 'REPLIED' },
  withdraw: { from: OPEN_DISPATCH_STATUSES, to: 'WITHDRAWN' },
} satisfies Record<string, { from: DispatchStatus[]; to: DispatchStatus }>);

export type DispatchAction = keyof typeof dispatchMachine.table;
