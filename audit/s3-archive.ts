import {
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
import { sha256Base64 } from '../lib/sha256';
import type { ArchiveWriter } from './archive-store';

export interface ArchiveRetention {
  mode: 'GOVERNANCE' | 'COMPLIANCE';
  retainDays: number;
}

/**
 * The audit bucket. Writes are create-only (If-None-Match: *) with the SHA-256 checked by S3 on
 * arrival, and carry Object Lock retention where the bucket has Object Lock on.
 */
export class S3Archive implements ArchiveWriter {
  readonly where: string;
  private lockEnabled: Promise<boolean> | undefined;

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly retention?: ArchiveRetention,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.where = `s3://${bucket}`;
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    try {
      const output = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return output.Body ? await output.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (statusOf(error) === 404 || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async putOnce(key: string, body: Uint8Array): Promise<{ created: boolean }> {
    try {
      await this.s3.send(new PutObjectCommand({ ...(await this.putParams(key, body)), IfNoneMatch: '*' }));
      return { created: true };
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 409) return { created: false };
      throw error;
    }
  }

  async putVersion(key: string, body: Uint8Array): Promise<void> {
    await this.s3.send(new PutObjectCommand(await this.putParams(key, body)));
  }

  private async putParams(key: string, body: Uint8Array) {
    this.lockEnabled ??= this.s3
      .send(new GetObjectLockConfigurationCommand({ Bucket: this.bucket }))
      .then((output) => output.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled')
      .catch(() => false);
    const lock = this.retention && (await this.lockEnabled) ? this.retention : undefined;
    return {
      Bucket: this.bucket,
      Key: key,
      Body: body,
      ContentType: 'application/json',
      ChecksumSHA256: sha256Base64(body),
      ...(lock
        ? {
            ObjectLockMode: lock.mode,
            ObjectLockRetainUntilDate: new Date(this.now().getTime() + lock.retainDays * 86_400_000),
          }
        : {}),
    };
  }
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}
