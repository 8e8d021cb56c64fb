import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { waitFor } from '../case-test-kit';

const repoRoot = path.resolve(__dirname, '../../..');

/** A repository entry point (workers/main.ts, workers/fetcher-main.ts) run with tsx as its own process. */
export interface SpawnedProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

export async function spawnEntry(
  entry: string,
  env: Record<string, string>,
  readyText: string,
  readyTimeoutMs = 90_000,
): Promise<SpawnedProcess> {
  let output = '';
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), entry], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const spawned: SpawnedProcess = {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
  try {
    await waitFor(
      async () => output,
      (text) => text.includes(readyText) || child.exitCode !== null,
      `${entry} to print "${readyText}"`,
      readyTimeoutMs,
    );
  } catch (error) {
    await spawned.stop();
    throw error;
  }
  if (!output.includes(readyText)) throw new Error(`${entry} exited before it was ready:\n${output}`);
  return spawned;
}
