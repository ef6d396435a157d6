// Workflows as data: each module declares its transition table; services ask it, never `if` on states.
import { InvalidTransitionError } from './errors.js';

export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
}

export class StateMachine<S extends string, A extends string> {
  constructor(readonly entity: string, readonly table: Record<A, Transition<S>>) {}

  /** The state `action` leads to from `current`, or a typed error naming the current state. */
  next(action: A, current: S): S {
    const t = this.table[action];
    if (!t.from.includes(current)) throw new InvalidTransitionError(this.entity, action, current);
    return t.to;
  }

  can(action: A, current: S): boolean {
    return this.table[action].from.includes(current);
  }

  /** Actions legal in `current` (the panel shows only these). */
  actionsFrom(current: S): A[] {
    return (Object.keys(this.table) as A[]).filter((a) => this.can(a, current));
  }
}
