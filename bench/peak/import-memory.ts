/**
 * `npm run bench:import-memory`: does `saring import` keep its memory flat as the file grows? Imports a
 * 10,000-line and a 100,000-line NDJSON file through the real batch route (Fastify, zod per line) and
 * samples the CLI process's RSS; prints peak RSS of each and their ratio (flat means close to 1).
 * Temporal is replaced by a double that parses each detection with the real Detection schema and answers
 * a case id, so the figure is the importer's and the route's, not the workflow engine's.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseClient } from '../../cases/case-client';
import { caseBaseId, caseWorkflowId } from '../../cases/case-id';
import { Detection } from '../../domain';
import { ensureLocalKeyRingFile, loadKeyRing, payloadCodecFor } from '../../config/codec';
import type { ApiDeps } from '../../api/api-deps';
import { buildApi, listenApi } from '../../api/server';
import { createTokenVerifier } from '../../api/token-verifier';
import { ReportReader } from '../../reports/report-reader';
import { LOCAL_OIDC_CLIENTS } from '../../local/oidc/oidc-clients';
import { startOidcProviderProcess } from '../../local/oidc/start-oidc-provider';
import { signInWithPassword } from '../../test/support/oidc/sign-in-by-form';

const REPO_ROOT = path.resolve(__dirname, '../..');

function rssMiB(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
    return Number.isFinite(kib) ? kib / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function writeFeed(file: string, lines: number): void {
  const out = fs.openSync(file, 'w');
  let chunk = '';
  for (let i = 0; i < lines; i += 1) {
    chunk += `${JSON.stringify({
      url: `https://www.facebook.com/slot-gacor-${i % Math.floor(lines * 0.8)}`,
      detectionId: `crawl-${i}`,
      region: 'banjarmasin',
      suggestedCategory: 'online_gambling',
      reason: 'situs judi online, link deposit pulsa tanpa potongan',
    })}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

async function importOnce(apiUrl: string, token: string, file: string) {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(REPO_ROOT, 'cli/main.ts'),
      'import',
      file,
      '--batch-size',
      '1000',
      '--json',
    ],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, SARING_API_URL: apiUrl, SARING_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`  ${chunk.toString().trimEnd()}\n`));
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMiB(child.pid!) ?? 0);
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`saring import exited with ${code}: ${stdout}`);
  const summary = JSON.parse(stdout) as { accepted: number; rejected: number };
  return { seconds: (Date.now() - started) / 1000, peakRssMiB: peak, ...summary };
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-import-bench-'));
  // The importer signs in as a verifier through the real local provider, as an officer would.
  const password = 'bench-verifier-password';
  const oidc = await startOidcProviderProcess({
    dataDir: path.join(work, 'oidc'),
    logFile: path.join(work, 'oidc.log'),
    consoleOrigins: ['http://127.0.0.1:1'],
    accessTokenTtlSeconds: 3600,
    users: [{ username: 'bench.verifier', name: 'Bench', groups: ['verifier'], password }],
  });
  const auth = {
    issuer: oidc.issuer,
    consoleClientId: LOCAL_OIDC_CLIENTS.console,
    cliClientId: LOCAL_OIDC_CLIENTS.cli,
    machineClientIds: [],
  };
  const token = (
    await signInWithPassword(oidc.issuer, LOCAL_OIDC_CLIENTS.cli, 'http://localhost:1/callback', {
      username: 'bench.verifier',
      password,
    })
  ).access_token;
  let submitted = 0;
  const cases = {
    submitDetection: async (raw: unknown) => {
      const detection = Detection.parse(raw);
      submitted += 1;
      const caseId = caseWorkflowId(
        caseBaseId({
          canonicalUrl: detection.url,
          contentSha256: detection.contentSha256,
          text: detection.text,
        }),
        1,
      );
      return { caseId, generation: 1, runId: 'bench' };
    },
  } as unknown as CaseClient;
  const app = buildApi({
    cases,
    officers: createTokenVerifier(auth),
    auth,
    // Imports make no case reads or exports, so no access record is ever written.
    audit: { failedSignIn: () => undefined, caseAccessed: async () => undefined, accessesTo: async () => [] },
    reports: new ReportReader({ where: 'none', read: async () => undefined, list: async () => [] }),
    // Batch intake never reaches the vault (public complaints do); a call would be a bench bug.
    vault: new Proxy({} as ApiDeps['vault'], {
      get: () => () => Promise.reject(new Error('the import bench never uses the reporter vault')),
    }),
    payloadCodec: payloadCodecFor(
      loadKeyRing({ keyFile: ensureLocalKeyRingFile(path.join(work, 'codec-keys.json')).file }),
    ),
  });
  const api = await listenApi(app, { host: '127.0.0.1', port: 0 });
  try {
    const rows: { lines: number; seconds: number; peakRssMiB: number; accepted: number }[] = [];
    for (const lines of [10_000, 100_000]) {
      const file = path.join(work, `feed-${lines}.jsonl`);
      writeFeed(file, lines);
      console.log(`importing ${lines} lines (${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MiB)...`);
      rows.push({ lines, ...(await importOnce(api.url, token, file)) });
    }
    console.log('\nsaring import, memory against file length (batch size 1000):');
    console.log('lines     seconds  lines/s  peak RSS MiB  accepted');
    for (const row of rows)
      console.log(
        `${String(row.lines).padEnd(9)} ${row.seconds.toFixed(1).padStart(7)}  ${(row.lines / row.seconds).toFixed(0).padStart(7)}  ${row.peakRssMiB.toFixed(1).padStart(12)}  ${row.accepted}`,
      );
    const [small, large] = rows;
    console.log(
      `peak RSS ratio 100,000 / 10,000 lines: ${(large!.peakRssMiB / small!.peakRssMiB).toFixed(2)} (10x the lines; flat is about 1); detections parsed by the double: ${submitted}`,
    );
  } finally {
    await api.close();
    await oidc.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`import-memory bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
