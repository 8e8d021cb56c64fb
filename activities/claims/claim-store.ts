import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { TextRef } from '../../domain/case-state';
import { ClaimEntry, type ClaimIndex } from './claim-index';
import { ClaimIndexReplica } from './claim-index-replica';

const PREFIX = 'claims/index/';

/** One case's stored signature: its object key and the object's version (its ETag). */
export interface StoredSignature {
  key: string;
  version: string;
}

/** Claim signatures in S3, one object per case; each worker keeps a replica of them (./claim-index-replica). */
export class ClaimStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  async put(entry: ClaimEntry): Promise<StoredSignature> {
    const key = `${PREFIX}${encodeURIComponent(entry.caseId)}.json`;
    const written = await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: JSON.stringify(ClaimEntry.parse(entry)),
        ContentType: 'application/json',
      }),
    );
    return { key, version: written.ETag ?? '' };
  }

  /** A case's text stored in S3 (storeCaseText), checked against its recorded SHA-256. */
  async readText(ref: TextRef): Promise<string> {
    const object = await this.s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
    const bytes = await object.Body!.transformToByteArray();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== ref.sha256)
      throw ApplicationFailure.nonRetryable(
        `the text at ${ref.bucket}/${ref.key} has SHA-256 ${sha256}, the case recorded ${ref.sha256}: check the evidence bucket`,
        'TextDigestMismatch',
      );
    return new TextDecoder().decode(bytes);
  }

  /** Every stored signature's key and version, a page (up to 1,000) at a time. */
  async *listSignatures(): AsyncGenerator<StoredSignature[]> {
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: PREFIX, ContinuationToken: token }),
      );
      yield (page.Contents ?? []).map((object) => ({
        key: object.Key!,
        version: object.ETag ?? `${object.LastModified?.toISOString()}/${object.Size}`,
      }));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async read(key: string): Promise<ClaimEntry> {
    const body = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return ClaimEntry.parse(JSON.parse(await body.Body!.transformToString('utf8')));
  }

  /** The whole index as stored now (a fresh replica, loaded once). */
  async loadIndex(): Promise<ClaimIndex> {
    const replica = new ClaimIndexReplica(this);
    await replica.refresh();
    return replica.index;
  }
}
