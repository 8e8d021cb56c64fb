import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
import { EvidenceRecord, type EvidenceKind } from '../../domain/evidence';
import type { z } from 'zod';
import { heartbeat } from '../activity-context';
import type { ObjectLockPolicy } from '../../config/activities';
import { ObjectLockProbe } from './object-lock';
import { sha256Base64, sha256Hex, sha256Stream } from '../../lib/sha256';

export interface PutEvidence {
  kind: z.infer<typeof EvidenceKind>;
  bucket: string;
  key: string;
  body: Uint8Array;
  contentType: string;
  capturedAt: string;
  uploadedBy?: string;
  /** Extra facts kept with the object (ASCII after encoding; S3 allows 2 KB of metadata in all). */
  metadata?: Record<string, string>;
}

export interface StoredEvidence {
  record: EvidenceRecord;
  /** False when the key already held an object (a retry, or a second write) and that one was kept. */
  created: boolean;
  metadata: Record<string, string>;
}

export interface Verification {
  intact: boolean;
  /** Digest of the bytes read now; empty when the object (version) no longer exists. */
  actualSha256: string;
}

const META_PREFIX = 'saring-';

/**
 * Evidence in S3: written once, never overwritten. A write is create-only (If-None-Match: *), so a
 * retried or repeated write to a key keeps the first object and reports it; the bucket's versioning
 * keeps every version even if someone bypasses this class; Object Lock retention is set where the
 * bucket has it. Each object carries its SHA-256 in metadata, and S3 checks the bytes against it
 * (ChecksumSHA256) on arrival.
 */
export class EvidenceStore {
  private readonly lock: ObjectLockProbe;

  constructor(
    private readonly s3: S3Client,
    private readonly options: { objectLock?: ObjectLockPolicy } = {},
  ) {
    this.lock = new ObjectLockProbe(s3);
  }

  async put(input: PutEvidence): Promise<StoredEvidence> {
    const existing = await this.find(input.bucket, input.key);
    if (existing) return existing;

    const sha256 = sha256Hex(input.body);
    const metadata: Record<string, string> = {
      [`${META_PREFIX}sha256`]: sha256,
      [`${META_PREFIX}kind`]: input.kind,
      [`${META_PREFIX}captured-at`]: input.capturedAt,
      ...(input.uploadedBy ? { [`${META_PREFIX}uploaded-by`]: input.uploadedBy } : {}),
      ...Object.fromEntries(
        Object.entries(input.metadata ?? {}).map(([key, value]) => [
          `${META_PREFIX}${key}`,
          encodeURIComponent(value),
        ]),
      ),
    };
    const retention = await this.retentionFor(input.bucket, input.capturedAt);
    try {
      const output = await this.s3.send(
        new PutObjectCommand({
          Bucket: input.bucket,
          Key: input.key,
          Body: input.body,
          ContentType: input.contentType,
          ChecksumSHA256: sha256Base64(input.body),
          IfNoneMatch: '*',
          Metadata: metadata,
          ...retention,
        }),
      );
      const record = EvidenceRecord.parse({
        kind: input.kind,
        bucket: input.bucket,
        key: input.key,
        versionId: output.VersionId || undefined,
        sha256,
        size: input.body.byteLength,
        contentType: input.contentType,
        capturedAt: input.capturedAt,
        uploadedBy: input.uploadedBy,
      });
      return { record, created: true, metadata: decodeMetadata(metadata) };
    } catch (error) {
      // Another attempt wrote the key between our check and our write: keep and report its object.
      if (isConditionFailure(error)) {
        const winner = await this.find(input.bucket, input.key);
        if (winner) return winner;
      }
      throw error;
    }
  }

  /** The evidence at a key (its current version), or undefined when there is none. */
  async find(bucket: string, key: string): Promise<StoredEvidence | undefined> {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      const meta = head.Metadata ?? {};
      const sha256 = meta[`${META_PREFIX}sha256`];
      if (!sha256)
        throw new Error(`s3://${bucket}/${key} exists but was not written as evidence (no SHA-256 metadata)`);
      const record = EvidenceRecord.parse({
        kind: meta[`${META_PREFIX}kind`],
        bucket,
        key,
        versionId: head.VersionId || undefined,
        sha256,
        size: head.ContentLength ?? 0,
        contentType: head.ContentType ?? 'application/octet-stream',
        capturedAt: meta[`${META_PREFIX}captured-at`],
        uploadedBy: meta[`${META_PREFIX}uploaded-by`],
      });
      return { record, created: false, metadata: decodeMetadata(meta) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Reads the exact recorded version again and recomputes its digest. */
  async verify(record: EvidenceRecord): Promise<Verification> {
    let body: AsyncIterable<Uint8Array>;
    try {
      const output = await this.s3.send(
        new GetObjectCommand({ Bucket: record.bucket, Key: record.key, VersionId: record.versionId }),
      );
      body = output.Body as unknown as AsyncIterable<Uint8Array>;
    } catch (error) {
      if (isNotFound(error)) return { intact: false, actualSha256: '' };
      throw error;
    }
    const hash = sha256Stream();
    let size = 0;
    for await (const chunk of body) {
      hash.update(chunk);
      size += chunk.byteLength;
      heartbeat({ verifiedBytes: size });
    }
    const actualSha256 = hash.digest('hex');
    return { intact: actualSha256 === record.sha256 && size === record.size, actualSha256 };
  }

  /** The recorded version's bytes. */
  async read(record: Pick<EvidenceRecord, 'bucket' | 'key' | 'versionId'>): Promise<Uint8Array> {
    const output = await this.s3.send(
      new GetObjectCommand({ Bucket: record.bucket, Key: record.key, VersionId: record.versionId }),
    );
    if (!output.Body) throw new Error(`s3://${record.bucket}/${record.key} has no body`);
    return output.Body.transformToByteArray();
  }

  private async retentionFor(bucket: string, capturedAt: string) {
    const policy = this.options.objectLock;
    if (!policy || !(await this.lock.enabled(bucket))) return {};
    const until = new Date(Date.parse(capturedAt) + policy.retainDays * 24 * 60 * 60 * 1000);
    return { ObjectLockMode: policy.mode, ObjectLockRetainUntilDate: until };
  }
}

function decodeMetadata(meta: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(meta)
      .filter(([key]) => key.startsWith(META_PREFIX))
      .map(([key, value]) => [key.slice(META_PREFIX.length), safeDecode(value)]),
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

function isNotFound(error: unknown): boolean {
  return (
    statusOf(error) === 404 ||
    (error instanceof Error && ['NotFound', 'NoSuchKey', 'NoSuchVersion'].includes(error.name))
  );
}

/** 412: the key exists; 409: a concurrent conditional write to it is in flight (AWS may answer either). */
function isConditionFailure(error: unknown): boolean {
  const status = statusOf(error);
  return status === 412 || status === 409;
}
