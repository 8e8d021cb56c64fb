import crypto from 'node:crypto';
import path from 'node:path';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { ReporterVaultConfig } from '../../../api/vault-config';
import { ensureLocalKeyRingFile } from '../../../config/codec';
import { createS3Client } from '../../../config/s3';
import { testServers } from '../servers/test-servers';

/** A reporter vault of its own for one test env: a fresh bucket on the shared S3 server, a master key file in `dir`. */
export async function testVaultConfig(dir: string): Promise<ReporterVaultConfig> {
  const { s3 } = testServers();
  const config: ReporterVaultConfig = {
    s3: {
      endpoint: s3.endpoint,
      region: s3.region,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    },
    bucket: `vault-${crypto.randomBytes(6).toString('hex')}`,
    prefix: 'reporter-vault/',
    keys: { masterKeyFile: ensureLocalKeyRingFile(path.join(dir, 'vault-master-key.json')).file },
  };
  const client = createS3Client(config.s3);
  try {
    await client.send(new CreateBucketCommand({ Bucket: config.bucket }));
  } finally {
    client.destroy();
  }
  return config;
}

/** Every object in the vault bucket, as text: what someone with read access to the bucket would see. */
export async function vaultObjects(config: ReporterVaultConfig): Promise<Map<string, string>> {
  const client = createS3Client(config.s3);
  const objects = new Map<string, string>();
  try {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: config.bucket }));
    for (const { Key } of listed.Contents ?? []) {
      const got = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: Key! }));
      objects.set(Key!, await got.Body!.transformToString('utf8'));
    }
  } finally {
    client.destroy();
  }
  return objects;
}
