/**
 * `npm run bench:api`: the officer-update round trip through the HTTP API, side by side with the same
 * update made directly through CaseClient in the same run (the floor the API adds to).
 *
 * Starts a headless Temporal dev server, a case worker (bench/bench-worker.ts) and the API
 * (api/main.ts), each in a process of its own, so this process holds only the two clients; then times
 * `assignVerifier` by a supervisor, alternating between two verifiers so every call changes the case.
 * Each mode works on cases of its own, and the modes take turns in rounds so that load from outside
 * the bench falls on both alike. The API is reached over HTTP only, so the bench measures any API
 * implementation behind the same routes.
 *
 * BENCH_UPDATES (default 200) updates per mode and concurrency; 8-concurrent lanes each own one case
 * (updates to one workflow are applied one after another). Last, the API layer alone: the same request
 * against an in-process API whose case client is a stub, for the microseconds the router itself costs.
 */
import { ensureLocalKeyRingFile } from '../config/codec';
import { createS3Client } from '../config/s3';
import { ensurePlainBucket } from '../local/buckets';
import { startS3Server } from '../local/s3-server';

const S3_CREDENTIALS = { accessKeyId: 'bench', secretAccessKey: 'bench-secret-key' };
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTokenVerifier } from '../api/token-verifier';
import { LOCAL_OIDC_CLIENTS } from '../local/oidc/oidc-clients';
import { startOidcProviderProcess, type OidcProviderProcess } from '../local/oidc/start-oidc-provider';
import { signInWithPassword } from '../test/support/oidc/sign-in-by-form';
import { startApiServer } from '../api/server';
import { CaseClient } from '../cases/case-client';
import type { CaseState } from '../domain';
import { connectClient } from '../config/temporal';
import { freePort } from '../lib/ports';
import { startNodeService } from '../local/node-service';
import { startTemporalDevServer } from '../local/temporal-dev-server';
import { readManifest } from '../toolchain/manifest';

const UPDATES = Number(process.env.BENCH_UPDATES ?? 200);
const CONCURRENCY = 8;
const ROUNDS = 4;
const WARMUP = 10;
const SUPERVISOR = { officerId: 'budi.supervisor', role: 'supervisor' } as const;
const ASSIGNEES = ['siti.verifier', 'rahmat.verifier'] as const;
const PASSWORD = `bench-${process.pid}-password`;
/** The supervisor's access token, from the real local sign-in provider (set once it runs). */
let TOKEN = '';

function benchAuth(issuer: string) {
  return {
    issuer,
    consoleClientId: LOCAL_OIDC_CLIENTS.console,
    cliClientId: LOCAL_OIDC_CLIENTS.cli,
    machineClientIds: [],
  };
}

async function startBenchSignIn(dir: string): Promise<OidcProviderProcess> {
  const oidc = await startOidcProviderProcess({
    dataDir: path.join(dir, 'oidc'),
    logFile: path.join(dir, 'oidc.log'),
    consoleOrigins: ['http://127.0.0.1:1'],
    accessTokenTtlSeconds: 3600,
    users: [
      {
        username: SUPERVISOR.officerId,
        name: 'Bench Supervisor',
        groups: ['supervisor'],
        password: PASSWORD,
      },
    ],
  });
  const tokens = await signInWithPassword(
    oidc.issuer,
    LOCAL_OIDC_CLIENTS.cli,
    'http://localhost:1/callback',
    {
      username: SUPERVISOR.officerId,
      password: PASSWORD,
    },
  );
  TOKEN = tokens.access_token;
  return oidc;
}

type Update = (caseId: string, assignee: string) => Promise<void>;

interface Lane {
  caseId: string;
  calls: number;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
  };
}

/** Runs `count` updates over the lanes (one worker loop per lane) and returns each call's milliseconds. */
async function timedUpdates(update: Update, lanes: Lane[], count: number): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    lanes.map(async (lane) => {
      while (next < count) {
        next += 1;
        const assignee = ASSIGNEES[lane.calls++ % ASSIGNEES.length]!;
        const started = process.hrtime.bigint();
        await update(lane.caseId, assignee);
        samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  return samples;
}

async function waitForVerification(cases: CaseClient, caseId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const state = await cases.getState(caseId);
      if (state.stage === 'verification' && state.deadlines.length > 0) return;
    } catch {
      // Not started yet.
    }
    if (Date.now() > deadline) throw new Error(`${caseId} did not reach verification`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const LAYER_REQUESTS = 2_000;

/**
 * The API layer alone: the same HTTP request against an in-process API whose case client answers at
 * once with a real case state, so what is timed is parsing, auth, validation, routing and
 * serialization (microseconds, which the Temporal round trip above hides in its noise).
 */
async function timeApiLayer(state: CaseState, dir: string, issuer: string): Promise<void> {
  const stub = { update: async () => state, getState: async () => state, ping: async () => undefined };
  // Built as both the old router and the Fastify app take it (the old one also wanted a limiter).
  const deps = {
    cases: stub,
    officers: createTokenVerifier(benchAuth(issuer)),
    auth: benchAuth(issuer),
    audit: { failedSignIn: () => undefined, caseAccessed: async () => undefined, accessesTo: async () => [] },
    // No vault: the timed request (assignVerifier) never reaches it.
    publicLimiter: { take: () => true },
  };
  const api = await startApiServer(deps as never, { host: '127.0.0.1', port: 0 });
  try {
    const post: Update = async (caseId, assignee) => {
      const response = await fetch(`${api.url}/api/cases/${caseId}/actions/assignVerifier`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ assignee }),
      });
      await response.text();
      if (response.status !== 200) throw new Error(`API layer: ${response.status}`);
    };
    console.log(`API layer alone (case client stubbed, ${LAYER_REQUESTS} requests per row), µs:`);
    console.log('concurrency     n      p50      p95      p99');
    for (const concurrency of [1, CONCURRENCY]) {
      const lanes = Array.from({ length: concurrency }, () => ({ caseId: state.caseId, calls: 0 }));
      await timedUpdates(post, lanes, 200);
      const row = summary(await timedUpdates(post, lanes, LAYER_REQUESTS));
      console.log(
        `${String(concurrency).padStart(11)} ${String(row.n).padStart(5)} ${(row.p50 * 1000).toFixed(0).padStart(8)} ${(row.p95 * 1000).toFixed(0).padStart(8)} ${(row.p99 * 1000).toFixed(0).padStart(8)}`,
      );
    }
  } finally {
    await api.close();
  }
}

export async function runApiUpdateBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-api-bench-'));
  const taskQueue = 'api-bench';
  const temporalPort = await freePort();
  const apiPort = await freePort();
  const server = await startTemporalDevServer({
    cliPath: readManifest().temporalCli.path,
    dbFile: path.join(dir, 'bench.sqlite'),
    port: temporalPort,
    namespace: 'default',
    logFile: path.join(dir, 'temporal.log'),
  });
  const keyFile = ensureLocalKeyRingFile(path.join(dir, 'codec-keys.json')).file;
  // The API's reporter vault lives in S3: an S3 server of the bench's own (the timed path never touches it).
  const s3 = await startS3Server({
    versitygwPath: readManifest().versitygw.path,
    dataDir: path.join(dir, 's3'),
    port: await freePort(),
    region: 'ap-southeast-3',
    ...S3_CREDENTIALS,
    logFile: path.join(dir, 's3.log'),
  });
  const s3Client = createS3Client({ endpoint: s3.endpoint, region: s3.region, credentials: S3_CREDENTIALS });
  await ensurePlainBucket(s3Client, 'bench-vault');
  s3Client.destroy();
  const temporal = {
    address: server.address,
    namespace: 'default',
    taskQueue,
    tls: false,
    payloadKeys: { keyFile },
  };
  const client = await connectClient(temporal);
  const worker = await startNodeService({
    name: 'the bench worker',
    entry: 'bench/bench-worker.ts',
    args: [server.address, taskQueue, keyFile],
    logFile: path.join(dir, 'worker.log'),
    readyLine: /bench worker ready/,
  });

  const oidc = await startBenchSignIn(dir);
  const configFile = path.join(dir, 'config.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      temporal,
      api: {
        host: '127.0.0.1',
        port: apiPort,
        auth: benchAuth(oidc.issuer),
        reporterVault: {
          s3: { endpoint: s3.endpoint, region: s3.region, credentials: S3_CREDENTIALS },
          bucket: 'bench-vault',
          keys: { masterKeyFile: ensureLocalKeyRingFile(path.join(dir, 'vault-master-key.json')).file },
        },
      },
      // Only reads and exports write access records; the bench makes updates, so S3 is never called.
      s3: { endpoint: 'http://127.0.0.1:1', evidenceBucket: 'bench-evidence', auditBucket: 'bench-audit' },
    }),
  );
  const api = await startNodeService({
    name: 'the API',
    entry: 'api/main.ts',
    env: { SARING_CONFIG_FILE: configFile },
    logFile: path.join(dir, 'api.log'),
    readyLine: /api listening on/,
  });
  const baseUrl = `http://127.0.0.1:${apiPort}`;

  try {
    const cases = new CaseClient(client, { taskQueue, generationCache: new Map() });
    const direct: Update = async (caseId, assignee) => {
      await cases.update(caseId, 'assignVerifier', { assignee, actor: SUPERVISOR });
    };
    const http: Update = async (caseId, assignee) => {
      const response = await fetch(`${baseUrl}/api/cases/${caseId}/actions/assignVerifier`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ assignee }),
      });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`API update: ${response.status} ${text}`);
    };

    let opened = 0;
    const openLanes = async (count: number): Promise<Lane[]> => {
      const ids = await Promise.all(
        Array.from({ length: count }, async () => {
          const { caseId } = await cases.submitDetection({
            source: 'crawler',
            reportedBy: 'bench',
            url: `https://bench-${process.pid}-${(opened += 1)}.example/hoaks`,
            observedAt: new Date().toISOString(),
          });
          await waitForVerification(cases, caseId);
          return caseId;
        }),
      );
      return ids.map((caseId) => ({ caseId, calls: 0 }));
    };

    const modes = { api: http, direct } as const;
    const results: Record<string, number[]> = {};
    let lanesForLayer: Lane[] = [];
    for (const concurrency of [1, CONCURRENCY]) {
      const lanes = { api: await openLanes(concurrency), direct: await openLanes(concurrency) };
      lanesForLayer = lanes.direct;
      for (const mode of ['api', 'direct'] as const) await timedUpdates(modes[mode], lanes[mode], WARMUP);
      for (let round = 0; round < ROUNDS; round += 1) {
        // Take turns, swapping who goes first each round.
        const order = round % 2 === 0 ? (['direct', 'api'] as const) : (['api', 'direct'] as const);
        for (const mode of order) {
          const key = `${mode}@${concurrency}`;
          const samples = await timedUpdates(modes[mode], lanes[mode], Math.ceil(UPDATES / ROUNDS));
          (results[key] ??= []).push(...samples);
        }
      }
    }

    console.log(
      `officer update round trip (assignVerifier), ${UPDATES} updates per row, ${process.version}:`,
    );
    console.log('concurrency  path     n     p50 ms   p95 ms   p99 ms');
    for (const concurrency of [1, CONCURRENCY]) {
      const api = summary(results[`api@${concurrency}`]!);
      const floor = summary(results[`direct@${concurrency}`]!);
      for (const [name, row] of [
        ['direct', floor],
        ['api', api],
      ] as const) {
        console.log(
          `${String(concurrency).padStart(11)}  ${name.padEnd(6)} ${String(row.n).padStart(4)} ${row.p50.toFixed(2).padStart(8)} ${row.p95.toFixed(2).padStart(8)} ${row.p99.toFixed(2).padStart(8)}`,
        );
      }
      console.log(
        `${' '.repeat(11)}  api/direct ratio: p50 ${(api.p50 / floor.p50).toFixed(2)}, p95 ${(api.p95 / floor.p95).toFixed(2)}, p99 ${(api.p99 / floor.p99).toFixed(2)}`,
      );
    }
    console.log('');
    await timeApiLayer(await cases.getState(lanesForLayer[0]!.caseId), dir, oidc.issuer);
  } finally {
    await api.stop();
    await worker.stop();
    await client.connection.close();
    await server.stop();
    await oidc.stop();
    await s3.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  runApiUpdateBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
