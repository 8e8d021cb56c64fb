import fs from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import type { ArchiveReader } from '../../audit/archive-store';
import { DirectoryArchive } from '../../audit/directory-archive';
import { S3Archive } from '../../audit/s3-archive';
import { UsageError } from '../args';

/** `--archive`: a folder holding a copy of the audit bucket, or `s3://<bucket>`. */
export const ArchiveLocation = z
  .string()
  .min(1)
  .refine(
    (value) => /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/?$/.test(value) || !value.startsWith('s3:'),
    'an s3://<bucket> URL or a folder',
  );

export const S3Endpoint = z.url('an http(s) URL of an S3-compatible server, e.g. http://127.0.0.1:7070');

/**
 * Opens the archive an auditor named. S3 uses the standard AWS credential chain (AWS_PROFILE,
 * AWS_ACCESS_KEY_ID...); `--s3-endpoint` points it at a local S3-compatible server.
 */
export function openArchive(location: string, s3Endpoint?: string): ArchiveReader {
  const bucket = /^s3:\/\/([^/]+)\/?$/.exec(location)?.[1];
  if (bucket) {
    const s3 = new S3Client({
      region: process.env.AWS_REGION ?? 'ap-southeast-3',
      ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return new S3Archive(s3, bucket);
  }
  if (!fs.existsSync(location) || !fs.statSync(location).isDirectory())
    throw new UsageError(
      `--archive ${location} is not a folder: give a copy of the audit bucket (aws s3 sync s3://<bucket> <folder>) or s3://<bucket>`,
    );
  return new DirectoryArchive(location);
}

export function readPublicKey(file: string | undefined): string {
  if (!file)
    throw new UsageError(
      'give the ledger public key you trust with --public-key <pem> (locally .data/audit-ledger-key.pem.pub.pem; in the cloud: aws kms get-public-key --key-id <ledger key> --output text --query PublicKey | base64 -d | openssl pkey -pubin -inform DER)',
    );
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --public-key ${file}: ${(error as Error).message}`);
  }
}
