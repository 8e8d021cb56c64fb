import { HeadObjectCommand, PutObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { sha256Hex } from '../../lib/sha256';

/**
 * What the sender remembers it has delivered, by requestId and channel, so a retried notify skips the
 * channels that already got through. The receivers dedupe too (Message-ID, Idempotency-Key); this
 * keeps the retry from even asking.
 */
export interface DeliveryLedger {
  has(requestId: string, channel: string): Promise<boolean>;
  record(requestId: string, channel: string, detail: string): Promise<void>;
}

/** Per process: enough for one worker and for tests. */
export class MemoryDeliveryLedger implements DeliveryLedger {
  private readonly delivered = new Set<string>();

  async has(requestId: string, channel: string): Promise<boolean> {
    return this.delivered.has(`${requestId}\n${channel}`);
  }

  async record(requestId: string, channel: string): Promise<void> {
    this.delivered.add(`${requestId}\n${channel}`);
  }
}

/** In the audit bucket, shared by every worker: a retry on another worker still knows. */
export class S3DeliveryLedger implements DeliveryLedger {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly prefix = 'ledger/notifications',
  ) {}

  private key(requestId: string, channel: string): string {
    return `${this.prefix}/${sha256Hex(requestId).slice(0, 2)}/${encodeURIComponent(requestId)}/${channel}.json`;
  }

  async has(requestId: string, channel: string): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(requestId, channel) }));
      return true;
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return false;
      throw error;
    }
  }

  async record(requestId: string, channel: string, detail: string): Promise<void> {
    const body = JSON.stringify({ requestId, channel, detail, deliveredAt: new Date().toISOString() });
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.key(requestId, channel),
          Body: body,
          ContentType: 'application/json',
          IfNoneMatch: '*',
        }),
      );
    } catch (error) {
      // Already recorded by an earlier attempt.
      if (error instanceof S3ServiceException && [409, 412].includes(error.$metadata.httpStatusCode ?? 0))
        return;
      throw error;
    }
  }
}
