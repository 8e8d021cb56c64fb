/**
 * A fixed one-minute window per client address, for the unauthenticated public routes. In memory:
 * enough for one API process; behind a load balancer the cloud's WAF rate rule does this job.
 */
export interface RateLimiter {
  /** true when the call is allowed (and counted). */
  take(key: string): boolean;
}

export function perMinuteLimiter(limit: number, now: () => number = Date.now): RateLimiter {
  let windowStart = now();
  let counts = new Map<string, number>();
  return {
    take(key) {
      if (now() - windowStart >= 60_000) {
        windowStart = now();
        counts = new Map();
      }
      const used = counts.get(key) ?? 0;
      if (used >= limit) return false;
      counts.set(key, used + 1);
      return true;
    },
  };
}
