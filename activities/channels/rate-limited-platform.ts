import { ApplicationFailure } from '@temporalio/common';
import type { PlatformRateLimit } from '../../config/activities';
import type {
  BlocklistRecommendation,
  TakedownReceipt,
  TakedownRequest,
  TakedownStatus,
  TakedownWithdrawal,
  WarningLetter,
} from '../../domain/channels';
import { TokenBucket } from '../../lib/token-bucket';
import type { PlatformAdapter } from './platform-adapter';

export const RATE_LIMITED = 'PlatformRateLimited';

/**
 * Every outward call to one platform takes a token from that platform's bucket first, so a peak day's
 * takedowns, status polls and ladder letters reach a platform at most at its agreed rate. The bucket
 * is per worker process: with N workers the platform sees up to N times the rate (divide it in config).
 */
export class RateLimitedPlatformAdapter implements PlatformAdapter {
  private readonly bucket: TokenBucket;

  constructor(
    private readonly inner: PlatformAdapter,
    private readonly limit: PlatformRateLimit,
    now: () => number = Date.now,
  ) {
    this.bucket = new TokenBucket(limit.requestsPerSecond, limit.burst, now);
  }

  get platform() {
    return this.inner.platform;
  }

  private async turn(signal?: AbortSignal): Promise<void> {
    const wait = this.bucket.reserve();
    if (wait === 0) return;
    if (wait > this.limit.maxWaitMs) {
      this.bucket.release();
      throw ApplicationFailure.retryable(
        `platform ${this.platform} is rate limited to ${this.limit.requestsPerSecond}/s; the next turn is ${wait} ms away, over the ${this.limit.maxWaitMs} ms wait allowed; retried later`,
        RATE_LIMITED,
      );
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, wait);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          this.bucket.release();
          reject(
            signal.reason instanceof Error ? signal.reason : new Error('cancelled while waiting for a turn'),
          );
        },
        { once: true },
      );
    });
  }

  async requestTakedown(request: TakedownRequest, signal?: AbortSignal): Promise<TakedownReceipt> {
    await this.turn(signal);
    return this.inner.requestTakedown(request, signal);
  }

  async checkStatus(ticketId: string, signal?: AbortSignal): Promise<TakedownStatus> {
    await this.turn(signal);
    return this.inner.checkStatus(ticketId, signal);
  }

  async sendWarningLetter(letter: WarningLetter, signal?: AbortSignal): Promise<{ letterId: string }> {
    await this.turn(signal);
    return this.inner.sendWarningLetter(letter, signal);
  }

  async recommendBlocklist(
    recommendation: BlocklistRecommendation,
    signal?: AbortSignal,
  ): Promise<{ recommendationId: string }> {
    await this.turn(signal);
    return this.inner.recommendBlocklist(recommendation, signal);
  }

  async withdrawTakedown(
    withdrawal: TakedownWithdrawal,
    signal?: AbortSignal,
  ): Promise<{ withdrawnAt: string }> {
    await this.turn(signal);
    return this.inner.withdrawTakedown(withdrawal, signal);
  }
}
