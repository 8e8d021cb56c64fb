import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { connectClient } from '../../config/temporal';
import { startPeakPlatform, type PeakPlatform } from './peak-platform';

const repoRoot = path.resolve(__dirname, '../..');
export const BENCH_POLICY_FILE = path.join(__dirname, 'bench-policy.json');

let built: string | undefined;

/**
 * Bundles the workflows once per bench process, for every worker start of the run (a restarted worker
 * must not spend 20 s in webpack). Never reused across processes: the code may have changed since.
 */
export async function buildWorkflowBundle(file: string, say: (line: string) => void): Promise<void> {
  if (built === file) return;
  say(`building the workflow bundle ${file} (about 20 s of CPU)...`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'),
        'workers/build-workflow-bundle.ts',
        '--out',
        file,
      ],
      { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`building the workflow bundle failed (exit ${code})`)),
    );
  });
}

export interface PeakSession {
  platform: PeakPlatform;
  client: Client;
  stop(): Promise<void>;
}

/** The local platform with the bench policy, on ports of its own, and a Temporal client for the observer. */
export async function startPeakSession(options: {
  workDir: string;
  complyAfterMs: number;
  keep: boolean;
  say: (line: string) => void;
}): Promise<PeakSession> {
  fs.mkdirSync(options.workDir, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(options.workDir, 'platform-'));
  const bundle = path.join(options.workDir, 'workflow-bundle.js');
  await buildWorkflowBundle(bundle, options.say);
  options.say(
    `starting the local platform in ${dataDir} (dev server, versitygw, simulators, worker, sign-in, API)...`,
  );
  const platform = await startPeakPlatform({
    dataDir,
    policyFile: BENCH_POLICY_FILE,
    workflowBundle: bundle,
    complyAfterMs: options.complyAfterMs,
    say: options.say,
  });
  const client = await connectClient({
    address: platform.temporalAddress,
    namespace: 'default',
    taskQueue: 'saring-cases',
    tls: false,
    payloadKeys: { keyFile: path.join(dataDir, 'codec-keys.json') },
  });
  return {
    platform,
    client,
    async stop() {
      await client.connection.close();
      await platform.stop();
      if (!options.keep) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
