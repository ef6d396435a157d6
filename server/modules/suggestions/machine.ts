// The suggestion workflow (金点子) as data: SUBMITTED → UNDER_EVALUATION → ADOPTED | NOT_ADOPTED;
// ADOPTED → IMPLEMENTED → EFFECTIVE | INEFFECTIVE; duplicates MERGED into the earlier one.
import type { SuggestionStatus } from '../../../schema/enums.js';
import { StateMachine } from '../../shared/state-machine.js';

export const suggestionMachine = new StateMachine('Suggestion', {
  assign: { from: ['SUBMITTED'], to: 'UNDER_EVALUATION' },
  adopt: { from: ['UNDER_EVALUATION'], to: 'ADOPTED' },
  decline: { from: ['UNDER_EVALUATION'], to: 'NOT_ADOPTED' },
  implement: { from: ['ADOPTED'], to: 'IMPLEMENTED' },
  assessEffective: { from: ['IMPLEMENTED'], to: 'EFFECTIVE' },
  assessIneffective: { from: ['IMPLEMENTED'], to: 'INEFFECTIVE' },
  merge: { from: ['SUBMITTED', 'UNDER_EVALUATION'], to: 'MERGED' },
} satisfies Record<string, { from: SuggestionStatus[]; to: SuggestionStatus }>);

export type SuggestionAction = keyof typeof suggestionMachine.table;
