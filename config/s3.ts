import { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';

/** Where evidence and audit objects live: a local S3-compatible server or AWS itself. */
export const S3Config = z.object({
  /** Omit for AWS; set for versitygw or any S3-compatible server. */
  endpoint: z.url().optional(),
  region: z.string().min(1).default('ap-southeast-3'),
  /** Omit to use the default AWS credential chain (task role in the cloud). */
  credentials: z.object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1) }).optional(),
  evidenceBucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a valid S3 bucket name'),
  auditBucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a valid S3 bucket name'),
  /**
   * The reporter vault's bucket, for the worker's scheduled contact erasure (it lists and deletes records,
   * never reads a contact); no erasure schedule when absent.
   */
  vaultBucket: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a valid S3 bucket name')
    .optional(),
});
export type S3Config = z.infer<typeof S3Config>;

export function createS3Client(
  config: Pick<S3Config, 'endpoint' | 'region' | 'credentials'> & Partial<S3Config>,
): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint
      ? {
          endpoint: config.endpoint,
          // Local servers serve buckets by path, not by DNS name.
          forcePathStyle: true,
        }
      : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // Only send checksums where S3 requires them; some S3-compatible servers reject the default CRC32 trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
