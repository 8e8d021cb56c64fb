import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readManifest } from '../../../toolchain/manifest';
import { startTemporalDevServer } from '../../../local/temporal-dev-server';
import { startS3Server } from '../../../local/s3-server';
import { freePort } from '../../../lib/ports';
import { TEST_SERVERS_ENV, type TestServers } from './test-servers';
import { killAllNow, registerForTeardown, stopAll } from './running-servers';
import { startSimulators } from '../../../simulators/start-simulators';

/**
 * Starts the real servers the integration tests share: a Temporal dev server on a SQLite file and
 * versitygw, each on a free port with data in a fresh temp folder. The teardown stops them; an exit
 * hook stops them too if jest itself is interrupted.
 */
export default async function globalSetup(): Promise<void> {
  const manifest = readManifest();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-test-'));
  process.on('exit', killAllNow);
  try {
    const [temporalPort, s3Port] = [await freePort(), await freePort()];
    const [temporal, s3] = await Promise.all([
      startTemporalDevServer({
        cliPath: manifest.temporalCli.path,
        dbFile: path.join(workDir, 'temporal.sqlite'),
        port: temporalPort,
        namespace: 'default',
        logFile: path.join(workDir, 'temporal.log'),
      }),
      startS3Server({
        versitygwPath: manifest.versitygw.path,
        dataDir: path.join(workDir, 's3'),
        port: s3Port,
        accessKeyId: 'saring-test',
        secretAccessKey: 'saring-test-secret',
        region: 'ap-southeast-3',
        logFile: path.join(workDir, 's3.log'),
      }),
    ]);
    registerForTeardown(temporal, s3);
    // Platform, police and publishing simulators, webhook receiver and SMTP sink, in this process.
    const simulators = await startSimulators({ platform: { complyAfterMs: 300 } });
    registerForTeardown(simulators);
    const servers: TestServers = {
      temporal: { address: temporal.address, namespace: temporal.namespace },
      s3: {
        endpoint: s3.endpoint,
        region: s3.region,
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
      },
      extras: { ...simulators.urls },
    };
    process.env[TEST_SERVERS_ENV] = JSON.stringify(servers);
    process.env.SARING_TEST_WORK_DIR = workDir;
  } catch (error) {
    await stopAll();
    throw error;
  }
}
