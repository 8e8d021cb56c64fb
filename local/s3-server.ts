import fs from 'node:fs';
import path from 'node:path';
import { awaitReady, startManagedProcess, type ManagedProcess } from './managed-process';
import { waitForPort } from '../lib/ports';

export interface S3ServerOptions {
  versitygwPath: string;
  /** Buckets are folders below this; kept across restarts. */
  dataDir: string;
  port: number;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  logFile: string;
}

export interface S3Server {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** versitygw with the POSIX backend and bucket versioning (objects in dataDir/buckets, versions beside them). */
export async function startS3Server(options: S3ServerOptions): Promise<S3Server> {
  const bucketsDir = path.join(options.dataDir, 'buckets');
  const versionsDir = path.join(options.dataDir, 'versions');
  fs.mkdirSync(bucketsDir, { recursive: true });
  fs.mkdirSync(versionsDir, { recursive: true });
  const child = startManagedProcess({
    name: 'versitygw',
    command: options.versitygwPath,
    args: [
      '--port',
      `127.0.0.1:${options.port}`,
      '--region',
      options.region,
      '--quiet',
      'posix',
      '--versioning-dir',
      versionsDir,
      bucketsDir,
    ],
    // Credentials go through the environment so they never show in `ps`.
    env: { ROOT_ACCESS_KEY_ID: options.accessKeyId, ROOT_SECRET_ACCESS_KEY: options.secretAccessKey },
    logFile: options.logFile,
  });
  await awaitReady(
    child,
    waitForPort(options.port, 30_000),
    'The POSIX backend needs a filesystem with extended attributes (ext4, xfs, btrfs) under the data folder.',
  );
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    region: options.region,
    process: child,
    stop: () => child.stop(),
  };
}
