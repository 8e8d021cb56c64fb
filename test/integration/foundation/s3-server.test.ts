import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createS3Client } from '../../../config/s3';
import { testServers } from '../../support/servers/test-servers';

describe('S3-compatible server (versitygw) through @aws-sdk/client-s3', () => {
  let s3: S3Client;
  const bucket = `foundation-${Date.now().toString(36)}`;

  beforeAll(async () => {
    const server = testServers().s3;
    s3 = createS3Client({
      endpoint: server.endpoint,
      region: server.region,
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
      evidenceBucket: bucket,
      auditBucket: bucket,
    });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }),
    );
  });

  afterAll(() => s3?.destroy());

  it('puts and gets an object, and an overwrite keeps the old version readable', async () => {
    const key = 'case/abc/snapshot.html';
    const first = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'first body' }));
    const second = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'second body' }));
    expect(first.VersionId).toBeDefined();
    expect(second.VersionId).not.toEqual(first.VersionId);

    const latest = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    expect(await latest.Body!.transformToString()).toBe('second body');
    const old = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: first.VersionId }));
    expect(await old.Body!.transformToString()).toBe('first body');

    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }));
    expect(versions.Versions?.map((v) => v.VersionId).sort()).toEqual(
      [first.VersionId, second.VersionId].sort(),
    );
  });
});
