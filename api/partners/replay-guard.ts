import { createHash } from 'node:crypto';
import { REPLAY_WINDOW_SECONDS } from '../../lib/partner-webhook-signature';

/**
 * Signed deliveries seen in the replay window, in memory: a (partner, t, body) seen before is a replay
 * (the signature is a function of exactly these and the secret). Per API task: with several tasks behind
 * the load balancer, a replay landing on another task inside the 5 minutes is not caught here (the
 * detectionId still makes it count once on its case). Bounded: past `maxEntries` the oldest goes first.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxEntries = 100_000) {}

  /** Records the delivery; false when it was already recorded (a replay). */
  firstTime(partnerId: string, timestamp: number, body: Buffer, nowSeconds: number): boolean {
    const key = `${partnerId}:${timestamp}:${createHash('sha256').update(body).digest('hex')}`;
    if (this.seen.has(key)) return false;
    this.prune(nowSeconds);
    if (this.seen.size >= this.maxEntries) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(key, timestamp);
    return true;
  }

  private prune(nowSeconds: number): void {
    for (const [key, timestamp] of this.seen) {
      // Insertion order is near timestamp order; stop at the first entry still inside the window.
      if (Math.abs(nowSeconds - timestamp) <= REPLAY_WINDOW_SECONDS) break;
      this.seen.delete(key);
    }
  }
}
