import { testDataConverter } from '../codec/test-codec';
import { CreateBucketCommand, PutBucketVersioningCommand, type S3Client } from '@aws-sdk/client-s3';
import { Client, Connection } from '@temporalio/client';
import {
  localActivitiesConfig,
  type ActivitiesConfig,
  type ObjectLockPolicy,
} from '../../../config/activities';
import { createS3Client } from '../../../config/s3';
import {
  buildActivityDeps,
  createActivities,
  type ActivityDeps,
  type CaseActivities,
} from '../../../activities';
import type { SimulatorUrls } from '../../../simulators/start-simulators';
import { testServers } from '../servers/test-servers';

export interface ActivitiesHarness {
  config: ActivitiesConfig;
  s3: S3Client;
  client: Client;
  deps: ActivityDeps;
  activities: CaseActivities;
  sims: SimulatorUrls;
  close(): Promise<void>;
}

/** Names of this run's simulators, as the global setup put them into `extras`. */
export function simulatorUrls(): SimulatorUrls {
  const extras = testServers().extras;
  const pick = (name: keyof SimulatorUrls) => {
    const url = extras[name];
    if (!url) throw new Error(`the integration global setup did not start ${name}`);
    return url;
  };
  return {
    platformSimulator: pick('platformSimulator'),
    policeSimulator: pick('policeSimulator'),
    publishingSimulator: pick('publishingSimulator'),
    webhookSink: pick('webhookSink'),
    smtpSink: pick('smtpSink'),
    smtpSinkApi: pick('smtpSinkApi'),
  };
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A versioned bucket of its own for a test file, optionally with Object Lock. */
export async function createEvidenceBucket(s3: S3Client, name: string, objectLock = false): Promise<string> {
  await s3.send(
    new CreateBucketCommand({ Bucket: name, ObjectLockEnabledForBucket: objectLock || undefined }),
  );
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Enabled' } }),
  );
  return name;
}

/**
 * The real activities, wired exactly as the worker wires them (buildActivityDeps), against this run's
 * S3 server, Temporal dev server and simulators, with buckets of the test file's own.
 */
export async function activitiesHarness(
  prefix: string,
  options: { objectLock?: ObjectLockPolicy } = {},
): Promise<ActivitiesHarness> {
  const servers = testServers();
  const base = uniqueName(prefix);
  const s3Config = {
    endpoint: servers.s3.endpoint,
    region: servers.s3.region,
    credentials: { accessKeyId: servers.s3.accessKeyId, secretAccessKey: servers.s3.secretAccessKey },
    evidenceBucket: `${base}-evidence`,
    auditBucket: `${base}-audit`,
  };
  const s3 = createS3Client(s3Config);
  await createEvidenceBucket(s3, s3Config.evidenceBucket, options.objectLock !== undefined);
  await createEvidenceBucket(s3, s3Config.auditBucket);
  const sims = simulatorUrls();
  const config = localActivitiesConfig({ s3: s3Config, channels: sims, objectLock: options.objectLock });
  const connection = await Connection.connect({ address: servers.temporal.address });
  const client = new Client({
    connection,
    namespace: servers.temporal.namespace,
    dataConverter: testDataConverter,
  });
  const deps = buildActivityDeps(config, client);
  return {
    config,
    s3,
    client,
    deps,
    activities: createActivities(deps),
    sims,
    close: async () => {
      s3.destroy();
      await connection.close();
    },
  };
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

export interface SimLogEntry {
  kind: string;
  requestId?: string;
  outcome: string;
  status: number;
  detail?: string;
}

/** A simulator's own record of what it was sent. */
export function simulatorLog(baseUrl: string, filters: Record<string, string>): Promise<SimLogEntry[]> {
  return getJson<SimLogEntry[]>(`${baseUrl}/_log?${new URLSearchParams(filters).toString()}`);
}

export { quietLogger } from '../servers/quiet-logger';
