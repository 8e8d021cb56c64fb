import { GetObjectLockConfigurationCommand, type S3Client } from '@aws-sdk/client-s3';

/**
 * Remembers, per bucket, whether Object Lock is on. A bucket without it (or one we may not inspect)
 * gets no retention headers, which S3 would reject there.
 */
export class ObjectLockProbe {
  private readonly known = new Map<string, Promise<boolean>>();

  constructor(private readonly s3: S3Client) {}

  enabled(bucket: string): Promise<boolean> {
    let answer = this.known.get(bucket);
    if (!answer) {
      answer = this.s3
        .send(new GetObjectLockConfigurationCommand({ Bucket: bucket }))
        .then((output) => output.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled')
        .catch(() => false);
      this.known.set(bucket, answer);
    }
    return answer;
  }
}
