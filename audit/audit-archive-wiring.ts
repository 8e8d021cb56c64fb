import type { Client } from '@temporalio/client';
import { createS3Client, type S3Config } from '../config/s3';
import type { AuditConfig } from './audit-config';
import { kmsLedgerSigner } from './kms-ledger-signer';
import { fileLedgerSigner, type LedgerSigner } from './ledger-signer';
import { S3Archive } from './s3-archive';
import { runningCodeVersion } from './code-version';

/** The worker's audit archive: the audit bucket, and the ledger signer the config names (KMS wins). */
export function buildAuditArchive(config: AuditConfig, s3: S3Config, client: Client) {
  let signer: Promise<LedgerSigner> | undefined;
  const makeSigner = async (): Promise<LedgerSigner> =>
    config.ledgerKmsKeyId ? kmsLedgerSigner(config.ledgerKmsKeyId) : fileLedgerSigner(config.ledgerKeyFile);
  const archive = new S3Archive(createS3Client(s3), s3.auditBucket, {
    mode: 'COMPLIANCE',
    retainDays: config.retentionDays,
  });
  return { client, archive, signer: () => (signer ??= makeSigner()), code: runningCodeVersion() };
}
