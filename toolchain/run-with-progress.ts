import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { toolchainPaths } from './paths';

export interface ProgressStep {
  /** Short label shown on every progress line, e.g. "temporal-cli". */
  label: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** What a person should try when the step fails. */
  hint: string;
}

const HEARTBEAT_MS = 15_000;

/**
 * Runs a long build step, keeps its full output in .toolchain/logs/<label>.log and prints a progress
 * line (elapsed time and the latest thing the tool said) every 15 s so a cold build never looks hung.
 */
export async function runWithProgress(step: ProgressStep): Promise<void> {
  fs.mkdirSync(toolchainPaths.logsDir, { recursive: true });
  const logPath = path.join(toolchainPaths.logsDir, `${step.label}.log`);
  const log = fs.createWriteStream(logPath);
  const started = Date.now();
  let lastLine = 'starting';
  let lines = 0;
  const child = spawn(step.command, step.args, {
    cwd: step.cwd,
    env: { ...process.env, ...step.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onData = (chunk: Buffer): void => {
    log.write(chunk);
    const text = chunk.toString('utf8').trim();
    if (text) {
      const all = text.split('\n');
      lines += all.length;
      lastLine = all[all.length - 1]!.slice(0, 100);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const heartbeat = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`  [${step.label}] ${seconds}s, ${lines} lines of output; latest: ${lastLine}`);
  }, HEARTBEAT_MS);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) {
      const tail = fs.existsSync(logPath)
        ? fs.readFileSync(logPath, 'utf8').split('\n').slice(-15).join('\n')
        : '';
      throw new Error(
        `${step.label}: \`${step.command} ${step.args.join(' ')}\` exited with ${code}.\n` +
          `Last lines of ${logPath}:\n${tail}\nNext step: ${step.hint}`,
      );
    }
    console.log(`  [${step.label}] done in ${Math.round((Date.now() - started) / 1000)}s`);
  } finally {
    clearInterval(heartbeat);
    log.end();
  }
}

/** Finds a program on PATH, or undefined. */
export function which(program: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : undefined;
}

/** Fails with one message naming the missing prerequisite and how to get it. */
export function requireProgram(program: string, purpose: string, install: string): string {
  const found = which(program);
  if (!found) {
    throw new Error(`Missing prerequisite: \`${program}\` is needed to ${purpose}. Install it: ${install}`);
  }
  return found;
}
