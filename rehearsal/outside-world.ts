import path from 'node:path';
import { createS3Client } from '../config/s3';
import { RUNTIME_ENV } from '../config/runtime-env';
import { ensureLockedBuckets } from '../local/buckets';
import { type ManagedProcess } from '../local/managed-process';
import { startNodeService } from '../local/node-service';
import { startS3Server } from '../local/s3-server';
import { freePort } from '../lib/ports';
import { readManifest } from '../toolchain/manifest';
import { appConfigStandIn } from './app-config';
import { type RehearsedContainer } from './task-definitions';

export interface OutsideWorld {
  /** The app config secret's document (`json` key). */
  readonly appConfig: Record<string, unknown>;
  /**
   * What ECS and the AWS network give a task that uses the AWS SDK's defaults (the API's audit bucket and vault):
   * task-role credentials and, here, the S3 endpoint of the stand-in. The SDK reads these names itself.
   */
  readonly awsEnvironment: Readonly<Record<string, string>>;
}

/**
 * S3 (versitygw with the locked buckets the task environment names) and the partner and notification simulators,
 * on loopback. The app config points the worker's channels and S3 at them; fetch policy as in production (the
 * egress guardrail refuses local exceptions when Temporal uses TLS).
 */
export async function startOutsideWorld(
  runDir: string,
  running: ManagedProcess[],
  worker: RehearsedContainer,
): Promise<OutsideWorld> {
  const manifest = readManifest();
  const s3Port = await freePort();
  const s3 = await startS3Server({
    versitygwPath: manifest.versitygw.path,
    dataDir: path.join(runDir, 's3'),
    port: s3Port,
    accessKeyId: 'rehearsal',
    secretAccessKey: 'rehearsal-secret',
    region: 'ap-southeast-3',
    logFile: path.join(runDir, 'logs', 's3.log'),
  });
  running.push(s3.process);
  const ports = {
    platform: await freePort(),
    police: await freePort(),
    publishing: await freePort(),
    webhook: await freePort(),
    smtpApi: await freePort(),
    smtp: await freePort(),
  };
  running.push(
    await startNodeService({
      name: 'simulators',
      entry: 'simulators/main.ts',
      args: [
        `--platform-port=${ports.platform}`,
        `--police-port=${ports.police}`,
        `--publishing-port=${ports.publishing}`,
        `--webhook-port=${ports.webhook}`,
        `--smtp-api-port=${ports.smtpApi}`,
        `--smtp-port=${ports.smtp}`,
      ],
      logFile: path.join(runDir, 'logs', 'simulators.log'),
      readyLine: /"platformSimulator"/,
    }),
  );
  const buckets = {
    evidenceBucket: worker.environment[RUNTIME_ENV.evidenceBucket] ?? 'saring-evidence',
    auditBucket: worker.environment[RUNTIME_ENV.auditBucket] ?? 'saring-audit',
  };
  const s3Config = {
    endpoint: s3.endpoint,
    region: s3.region,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    ...buckets,
  };
  const client = createS3Client(s3Config);
  await ensureLockedBuckets(client, Object.values(buckets));
  client.destroy();
  const http = (port: number) => `http://127.0.0.1:${port}`;
  return {
    appConfig: appConfigStandIn(s3Config, {
      platformSimulator: http(ports.platform),
      policeSimulator: http(ports.police),
      publishingSimulator: http(ports.publishing),
      webhookSink: http(ports.webhook),
      smtpSink: `smtp://127.0.0.1:${ports.smtp}`,
    }),
    awsEnvironment: {
      // Fargate sets the task's region in every container; the SDK clients (S3, KMS) read it.
      AWS_REGION: s3.region,
      AWS_DEFAULT_REGION: s3.region,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ACCESS_KEY_ID: s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    },
  };
}
