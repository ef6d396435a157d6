import type { Clock } from '../../server/shared/time.js';

/** A clock tests set and move, so deadlines pass without sleeping. */
export class TestClock implements Clock {
  constructor(private at: Date = new Date('2026-06-15T02:00:00Z')) {}
  now(): Date {
    return new Date(this.at);
  }
  set(at: Date | string): void {
    this.at = new Date(at);
  }
  advanceHours(h: number): void {
    this.at = new Date(this.at.getTime() + h * 3600_000);
  }
}
