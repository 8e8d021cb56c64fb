/**
 * Notices a time-skipping clock that runs on by itself. The server skips time whenever no lock is held
 * on its clock; the environment holds one so that only `sleep` moves it. If that count is lost (a lock
 * released that work in flight still held, see clock-mover.ts), the clock races from timer to timer
 * between two steps. Seen in CI with seed 290 (and earlier seed 93): a case waiting in verification was
 * carried to its ten-year run timeout in under a second of real time and ended TIMED_OUT, which the
 * invariants read as a failed case. The fault is in the lane's server, not the case: the script is
 * stopped and simulate.ts runs it again on a fresh server.
 */
export class ClockRanAwayError extends Error {
  override readonly name = 'ClockRanAwayError';
}

/** A locked clock still follows real time; beyond that and what was asked, this much is tolerated. */
const SLACK_MS = 3_600_000;

export class RunawayClockWatch {
  private askedMs = 0;
  private movesUnderWay = 0;
  private lastRealMs = Date.now();

  constructor(private lastServerMs: number) {}

  /** Makes a clock move of `ms` the script asked for; looks taken while it is under way check nothing. */
  async move<T>(ms: number, run: () => Promise<T>): Promise<T> {
    this.askedMs += ms;
    this.movesUnderWay += 1;
    try {
      return await run();
    } finally {
      this.movesUnderWay -= 1;
    }
  }

  /** Throws ClockRanAwayError when the clock moved further than asked since the last look. */
  look(serverNowMs: number): void {
    // Mid-move (a lock released while a sleep stalls) the clock may be anywhere up to the move's end.
    if (this.movesUnderWay > 0) return;
    const realNowMs = Date.now();
    const movedMs = serverNowMs - this.lastServerMs;
    const allowedMs = this.askedMs + (realNowMs - this.lastRealMs) + SLACK_MS;
    const askedMs = this.askedMs;
    this.lastServerMs = serverNowMs;
    this.lastRealMs = realNowMs;
    this.askedMs = 0;
    if (movedMs > allowedMs)
      throw new ClockRanAwayError(
        `the time-skipping clock moved ${hours(movedMs)} h where ${hours(askedMs)} h were asked: its server lost the lock that holds it`,
      );
  }
}

const hours = (ms: number) => (ms / 3_600_000).toFixed(2);
