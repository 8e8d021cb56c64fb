import crypto from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { OfficerId, Role } from '../domain/roles';
import type { FailedSignIn } from './auth';

export const AccessRecord = z.object({
  at: z.iso.datetime(),
  caseId: z.string().min(1).max(200),
  officerId: OfficerId,
  role: Role,
  clientId: z.string(),
  action: z.enum(['read', 'export']),
  path: z.string(),
});
export type AccessRecord = z.infer<typeof AccessRecord>;

export interface AccessAudit {
  /** Records an officer's read or export of one case; resolves once the record is stored. */
  caseAccessed(record: Omit<AccessRecord, 'at'>): Promise<void>;
  /** A refused sign-in (bad, expired or foreign token): logged, never the token itself. */
  failedSignIn(failure: FailedSignIn): void;
  /** Every stored read and export of a case, oldest first. */
  accessesTo(caseId: string): Promise<AccessRecord[]>;
}

const PREFIX = 'access/cases';

/**
 * Access records as one S3 object each in the audit bucket (access/cases/<caseId>/<time>-<random>.json,
 * never overwritten), so every API instance writes to and reads from the same place; each event is
 * also logged as one JSON line.
 */
export function s3AccessAudit(s3: S3Client, bucket: string, log: (line: string) => void): AccessAudit {
  const folder = (caseId: string) => `${PREFIX}/${encodeURIComponent(caseId)}/`;
  return {
    async caseAccessed(fields) {
      const record = AccessRecord.parse({ at: new Date().toISOString(), ...fields });
      log(JSON.stringify({ event: `case_${record.action}`, ...record }));
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: `${folder(record.caseId)}${record.at}-${crypto.randomBytes(6).toString('hex')}.json`,
          Body: JSON.stringify(record),
          ContentType: 'application/json',
          IfNoneMatch: '*',
        }),
      );
    },
    failedSignIn(failure) {
      log(JSON.stringify({ event: 'sign_in_failed', at: new Date().toISOString(), ...failure }));
    },
    async accessesTo(caseId) {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await s3.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: folder(caseId), ContinuationToken: token }),
        );
        keys.push(...(page.Contents ?? []).map((object) => object.Key!).filter(Boolean));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      const records = await Promise.all(
        keys.sort().map(async (key) => {
          const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
          return AccessRecord.parse(JSON.parse(await object.Body!.transformToString()));
        }),
      );
      return records;
    },
  };
}
