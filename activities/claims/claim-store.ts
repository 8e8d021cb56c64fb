import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { TextRef } from '../../domain/case-state';
import { ClaimEntry, ClaimIndex } from './claim-index';

const PREFIX = 'claims/index/';

/** Claim signatures in S3, one object per case; the worker loads them into an in-memory index. */
export class ClaimStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  async put(entry: ClaimEntry): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: `${PREFIX}${encodeURIComponent(entry.caseId)}.json`,
        Body: JSON.stringify(ClaimEntry.parse(entry)),
        ContentType: 'application/json',
      }),
    );
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

  async loadIndex(): Promise<ClaimIndex> {
    const index = new ClaimIndex();
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: PREFIX, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        const body = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: object.Key! }));
        index.add(ClaimEntry.parse(JSON.parse(await body.Body!.transformToString('utf8'))));
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return index;
  }
}
