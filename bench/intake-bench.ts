import { generateKeyRing } from '../lib/crypto/key-ring';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectClient } from '../config/temporal';
import { submitDetection } from '../cases/submit-detection';
import { startTemporalDevServer } from '../local/temporal-dev-server';
import { freePort } from '../lib/ports';
import { readManifest } from '../toolchain/manifest';

const DETECTIONS = 400;
const CONCURRENCY = 16;

async function timed(count: number, submit: (i: number) => Promise<unknown>): Promise<number> {
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await submit(next++);
    }),
  );
  return count / ((Date.now() - started) / 1000);
}

/**
 * How fast Temporal accepts detections through signal-with-start on the local dev server (SQLite),
 * for repeats of one open case versus new cases. No worker runs: this is the intake path alone.
 */
export async function runIntakeBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-bench-'));
  const port = await freePort();
  const server = await startTemporalDevServer({
    cliPath: readManifest().temporalCli.path,
    dbFile: path.join(dir, 'bench.sqlite'),
    port,
    namespace: 'default',
    logFile: path.join(dir, 'temporal.log'),
  });
  const client = await connectClient({
    address: server.address,
    namespace: 'default',
    taskQueue: 'bench',
    tls: false,
    payloadKeys: { keyRing: generateKeyRing() },
  });
  try {
    const options = { client, taskQueue: 'bench' };
    const detection = (url: string) => ({
      source: 'crawler' as const,
      reportedBy: 'bench',
      url,
      observedAt: new Date().toISOString(),
    });
    const repeats = await timed(DETECTIONS, () =>
      submitDetection(options, detection('https://slot-gacor.example/daftar')),
    );
    const fresh = await timed(DETECTIONS, (i) =>
      submitDetection(options, detection(`https://judi-${i}.example/`)),
    );
    console.log(`intake through signal-with-start, ${DETECTIONS} detections each, ${CONCURRENCY} at a time:`);
    console.log(`  repeat detections of one open case: ${repeats.toFixed(0)} detections/s`);
    console.log(`  detections opening new cases:       ${fresh.toFixed(0)} detections/s`);
    console.log(
      `  new-case / repeat ratio: ${(fresh / repeats).toFixed(2)}; national average need ~0.1 detections/s (8,600/day)`,
    );
  } finally {
    await client.connection.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
