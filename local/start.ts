/**
 * `npm start`: the embedded default. Starts, in order, the Temporal dev server (SQLite file + Web UI),
 * the S3 server with its buckets, the simulators and SMTP sink, a worker and the fetcher, the API with the console, then
 * loads the sample cases once. Everything keeps its data under .data/, so a second start finds the
 * first run's cases and evidence. Ctrl-C stops every child, newest first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readManifest } from '../toolchain/manifest';
import { superviseDevServer } from './supervised-dev-server';
import { startS3Server } from './s3-server';
import { ensureLockedBuckets, ensurePlainBucket } from './buckets';
import { createS3Client } from '../config/s3';
import { readLocalSettings, localDataPaths } from './local-settings';
import { assertPortsFree } from './port-check';
import {
  writeLocalConfig,
  writeLocalFetcherConfig,
  LOCAL_S3,
  localS3Config,
  localSimulatorPorts,
} from './local-config';
import { superviseNodeService } from './supervised-service';
import { ensureLocalOfficerUsers } from './local-officers';
import { startOidcProviderProcess } from './oidc/start-oidc-provider';
import { ensureLocalKeyRingFile } from '../config/codec';
import { loadSampleCasesOnce } from './sample-cases';

interface Running {
  name: string;
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  const settings = readLocalSettings();
  const paths = localDataPaths(settings);
  const manifest = readManifest();
  fs.mkdirSync(paths.logs, { recursive: true });
  fs.mkdirSync(path.dirname(paths.temporalDb), { recursive: true });
  await assertPortsFree(settings);

  const running: Running[] = [];
  // The dev server, worker, API and simulators are restarted when they die (local/supervised-service.ts);
  // the dev server also when its database wedges (local/supervised-dev-server.ts).
  const supervision = { say: (line: string) => console.log(line) };
  // One stop, however many signals ask for it (a supervisor signalling the process group, then an
  // impatient Ctrl-C): a later signal waits for the first stop instead of exiting with services running.
  let stopped: Promise<void> | undefined;
  const stopAll = (why: string) => (stopped ??= stopEverything(why));
  const stopEverything = async (why: string) => {
    console.log(`\n${why}: stopping ${running.length} services...`);
    for (const service of running.reverse()) {
      await service.stop();
      console.log(`  stopped ${service.name}`);
    }
    console.log(`Stopped. Data kept in ${paths.root}; \`npm start\` again picks it up.`);
  };
  // Whoever read our output may be gone (a bench or a terminal that died first): writing to the closed
  // pipe must not kill this process before it has stopped its services.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  process.on('SIGINT', () => void stopAll('Ctrl-C').then(() => process.exit(0)));
  process.on('SIGTERM', () => void stopAll('SIGTERM').then(() => process.exit(0)));

  try {
    const codecKeys = ensureLocalKeyRingFile(paths.codecKeys);
    if (codecKeys.created) console.log(`Created the payload codec key ring ${codecKeys.file} (mode 0600).`);
    const vaultKey = ensureLocalKeyRingFile(paths.vaultMasterKey);
    if (vaultKey.created) console.log(`Created the reporter vault master key ${vaultKey.file} (mode 0600).`);
    step(1, 'Temporal dev server');
    const temporal = await superviseDevServer(
      {
        cliPath: manifest.temporalCli.path,
        dbFile: paths.temporalDb,
        port: settings.SARING_TEMPORAL_PORT,
        uiPort: settings.SARING_TEMPORAL_UI_PORT,
        namespace: settings.SARING_NAMESPACE,
        logFile: path.join(paths.logs, 'temporal.log'),
      },
      supervision,
    );
    running.push({ name: 'temporal', stop: () => temporal.service.stop() });

    step(2, 'S3 server (versitygw) and buckets');
    const s3 = await startS3Server({
      versitygwPath: manifest.versitygw.path,
      dataDir: paths.s3,
      port: settings.SARING_S3_PORT,
      ...LOCAL_S3,
      logFile: path.join(paths.logs, 's3.log'),
    });
    running.push({ name: 's3', stop: () => s3.stop() });
    const s3Client = createS3Client(localS3Config(settings));
    await ensureLockedBuckets(s3Client, [LOCAL_S3.evidenceBucket, LOCAL_S3.auditBucket]);
    await ensurePlainBucket(s3Client, LOCAL_S3.vaultBucket);
    s3Client.destroy();

    step(3, 'platform, police and publishing simulators, SMTP sink');
    const simulators = await superviseNodeService(
      {
        name: 'simulators',
        entry: 'simulators/main.ts',
        args: simulatorArgs(settings),
        logFile: path.join(paths.logs, 'simulators.log'),
        readyLine: /"platformSimulator"/,
      },
      supervision,
    );
    running.push({ name: 'simulators', stop: () => simulators.stop() });

    const configFile = writeLocalConfig(paths, settings);

    step(4, 'worker and fetcher');
    const worker = await superviseNodeService(
      {
        name: 'worker',
        entry: 'workers/main.ts',
        env: { SARING_CONFIG_FILE: configFile },
        logFile: path.join(paths.logs, 'worker.log'),
        readyLine: /worker polling/,
        readyTimeoutMs: 180_000,
      },
      supervision,
    );
    running.push({ name: 'worker', stop: () => worker.stop(35_000) });
    // Reported URLs are fetched by a process of its own (workers/fetcher-main.ts), on the fetch queue.
    const fetcher = await superviseNodeService(
      {
        name: 'fetcher',
        entry: 'workers/fetcher-main.ts',
        env: { SARING_CONFIG_FILE: writeLocalFetcherConfig(paths, settings) },
        logFile: path.join(paths.logs, 'fetcher.log'),
        readyLine: /fetcher polling/,
      },
      supervision,
    );
    running.push({ name: 'fetcher', stop: () => fetcher.stop(35_000) });

    step(5, 'sign-in provider (OpenID Connect), API and console');
    const apiUrl = `http://127.0.0.1:${settings.SARING_API_PORT}`;
    const officers = ensureLocalOfficerUsers(paths.oidc);
    const oidc = await startOidcProviderProcess({
      dataDir: paths.oidc,
      port: settings.SARING_OIDC_PORT,
      consoleOrigins: [apiUrl, `http://localhost:${settings.SARING_API_PORT}`],
      logFile: path.join(paths.logs, 'oidc.log'),
    });
    running.push({ name: 'oidc', stop: () => oidc.stop() });
    const api = await superviseNodeService(
      {
        name: 'api',
        entry: 'api/main.ts',
        env: { SARING_CONFIG_FILE: configFile },
        logFile: path.join(paths.logs, 'api.log'),
        readyLine: /api listening on/,
      },
      supervision,
    );
    running.push({ name: 'api', stop: () => api.stop() });

    step(6, 'sample cases');
    const samples =
      settings.SARING_SAMPLES === 'true'
        ? await loadSampleCasesOnce(paths, settings)
        : 'skipped (SARING_SAMPLES=false)';

    console.log(
      [
        '',
        'Saring is running (Ctrl-C stops everything):',
        `  Console and API     ${apiUrl}`,
        `  Temporal Web UI     ${temporal.uiUrl}`,
        `  Temporal frontend   ${temporal.address} (namespace ${temporal.namespace})`,
        `  S3 (versitygw)      ${s3.endpoint}  buckets ${LOCAL_S3.evidenceBucket}, ${LOCAL_S3.auditBucket}`,
        `  Simulators          http://127.0.0.1:${settings.SARING_SIMULATOR_PORT}  (SMTP sink on port ${settings.SARING_SMTP_PORT})`,
        `  Sample cases        ${samples}`,
        `  Sign-in (OIDC)      ${oidc.issuer}  (users and passwords: ${officers.usersFile})`,
        `  Logs                ${paths.logs}`,
        `  CLI                 SARING_API_URL=${apiUrl} bin/saring login, then bin/saring cases list`,
        '',
        'Officers (sign in at the console with the officer id and password):',
        ...officers.users.map(
          (user) => `  ${user.username.padEnd(18)} ${(user.groups[0] ?? '').padEnd(17)} ${user.password}`,
        ),
        '',
      ].join('\n'),
    );
    await new Promise(() => undefined);
  } catch (error) {
    console.error(`\nStart failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll('start failed');
    process.exit(1);
  }
}

function simulatorArgs(settings: ReturnType<typeof readLocalSettings>): string[] {
  const ports = localSimulatorPorts(settings);
  return [
    `--platform-port=${ports.platform}`,
    `--police-port=${ports.police}`,
    `--publishing-port=${ports.publishing}`,
    `--webhook-port=${ports.webhook}`,
    `--smtp-api-port=${ports.smtpApi}`,
    `--smtp-port=${ports.smtp}`,
  ];
}

function step(n: number, what: string): void {
  console.log(`[${n}/6] ${what}...`);
}

void main();
