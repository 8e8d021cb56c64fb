/**
 * A token bucket: `ratePerSecond` tokens a second, at most `burst` saved up. `reserve()` takes a token
 * now or books the next free one and says how long to wait for it, so callers queue in arrival order
 * without polling. The clock is injectable for tests.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1))
      throw new Error('a token bucket needs a rate > 0 and a burst >= 1');
    this.tokens = burst;
    this.last = now();
  }

  /** Milliseconds until the booked token is due (0: take it now). */
  reserve(): number {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.ratePerSecond) * 1000);
  }

  /** Gives back a booked token that will not be used (the caller gave up waiting). */
  release(): void {
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }
}
