import { KMSClient } from '@aws-sdk/client-kms';
import { z } from 'zod';
import { readKeyRingFile } from '../config/codec';
import { createS3Client, S3Config } from '../config/s3';
import { DEFAULT_VAULT_PREFIX } from '../lib/reporter-vault-keys';
import { kmsDataKeys, localDataKeys, type DataKeySource } from '../lib/crypto/data-keys';
import type { ReporterVault } from './reporter-vault';
import { s3ReporterVault } from './s3-reporter-vault';

const BucketName = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a valid S3 bucket name');

/**
 * Where the reporter vault keeps its records and how it wraps their data keys: the data stack's vault
 * bucket and the vault KMS key in the cloud (SARING_VAULT_BUCKET, SARING_VAULT_KMS_KEY_ID); the local S3
 * server and a master key file (written by `npm start`, mode 0600) locally.
 */
export const ReporterVaultConfig = z.object({
  s3: S3Config.pick({ endpoint: true, region: true, credentials: true }),
  bucket: BucketName,
  prefix: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, 'a key prefix ending in "/", e.g. reporter-vault/')
    .default(DEFAULT_VAULT_PREFIX),
  keys: z.union([
    z.strictObject({ kmsKeyId: z.string().min(1) }),
    z.strictObject({ masterKeyFile: z.string().min(1) }),
  ]),
});
export type ReporterVaultConfig = z.infer<typeof ReporterVaultConfig>;

export function vaultDataKeys(config: ReporterVaultConfig): DataKeySource {
  return 'kmsKeyId' in config.keys
    ? kmsDataKeys(new KMSClient({ region: config.s3.region }), config.keys.kmsKeyId)
    : localDataKeys(readKeyRingFile(config.keys.masterKeyFile));
}

export function createReporterVault(config: ReporterVaultConfig): ReporterVault {
  return s3ReporterVault({
    s3: createS3Client(config.s3),
    bucket: config.bucket,
    prefix: config.prefix,
    dataKeys: vaultDataKeys(config),
  });
}
