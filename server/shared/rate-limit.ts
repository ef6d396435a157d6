// A small sliding-window limiter for the no-login surface (objections, claim-code lookups), per client
// address. Kept in memory: each server process limits its own share, which is enough to blunt guessing.
import { RateLimitedError } from './errors.js';

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(readonly limit: number, readonly windowMs: number) {}

  check(key: string, now: number = Date.now()): void {
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      throw new RateLimitedError('Too many requests; try again later', Math.ceil((recent[0]! + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.hits.delete(this.hits.keys().next().value!);
  }
}
