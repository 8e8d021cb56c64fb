import type { SimClock } from './sim-harness';

/**
 * Moves a lane's clock one step, past time-skipping locks the server leaked (time-skipping-locks.ts).
 *
 * The move is one sleep that is waited for, never re-issued: releasing the leaked lock lets that same
 * sleep end. Cancelling a stalled sleep and asking again was how lanes hung for good (CI, seeds 217,
 * 252 and 273): the stalled call saw no server data for 90 s, the test server answered the client's
 * 30 s keepalive pings with GOAWAY ("excess pings"), the client's retry sent the sleep again on a new
 * connection where the abort no longer reached it, and that retried sleep waited on a leaked lock.
 * Here a look at the script's workflows every few seconds keeps the connection answered, and shows
 * early when nothing of the script runs any more: then a stalled clock can only be a leaked lock.
 */
export interface ClockMoveWatch {
  clock: SimClock;
  /** Whether a workflow of the script (a case or a child) still runs. */
  anyRunning(): Promise<boolean>;
  /** Whether a workflow task keeps failing (that stops the clock too, and no release helps). */
  stillFailing(): Promise<boolean>;
  trace(line: string): Promise<void>;
}

export interface ClockMove {
  moved: boolean;
  lockReleases: number;
}

/** How often a stalled move looks at the script's workflows. */
const LOOK_EVERY_MS = 3_000;
/** Locks released in one move before the case counts as stuck. */
export const MAX_LOCK_RELEASES = 3;

export async function moveClockPastLeaks(
  stepMs: number,
  stallLimitMs: number,
  watch: ClockMoveWatch,
): Promise<ClockMove> {
  const giveUp = new AbortController();
  let outcome: 'moved' | Error | undefined;
  const moving = watch.clock.advance(stepMs, giveUp.signal).then(
    () => (outcome = 'moved'),
    (error: unknown) => (outcome = error instanceof Error ? error : new Error(String(error))),
  );
  let lockReleases = 0;
  let stalledMs = 0;
  for (;;) {
    await Promise.race([moving, delay(LOOK_EVERY_MS)]);
    if (outcome === 'moved') return { moved: true, lockReleases };
    if (outcome instanceof Error) throw outcome;
    stalledMs += LOOK_EVERY_MS;
    const idle = !(await watch.anyRunning());
    if (!idle && stalledMs < stallLimitMs) continue;
    // The sleep may have ended while we looked.
    if (outcome === 'moved') return { moved: true, lockReleases };
    if (lockReleases >= MAX_LOCK_RELEASES || (!idle && (await watch.stillFailing()))) break;
    if (!(await watch.clock.releaseLeakedLock?.())) break;
    lockReleases += 1;
    await watch.trace(
      `the clock stood still for ${stalledMs / 1000} s${idle ? ' with nothing of the script running' : ''}: one leaked time-skipping lock released`,
    );
    stalledMs = 0;
  }
  // Given up: cancel the sleep, and wait for it only briefly (a retried call may not hear the abort).
  giveUp.abort();
  await Promise.race([moving, delay(5_000)]);
  return { moved: false, lockReleases };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
