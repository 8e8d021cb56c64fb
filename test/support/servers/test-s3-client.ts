import { createS3Client } from '../../../config/s3';
import { testServers } from './test-servers';

/** A client of this run's S3 server, for tests that make buckets of their own (createEvidenceBucket). */
export function testS3Client() {
  const { s3 } = testServers();
  return createS3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    evidenceBucket: 'unused-evidence',
    auditBucket: 'unused-audit',
  });
}
