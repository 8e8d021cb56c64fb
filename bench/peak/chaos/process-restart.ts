import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { waitForPort } from '../../../lib/ports';

interface FoundProcess {
  pid: number;
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** The one process whose command line matches (Linux /proc), with what it takes to start it again. */
export function findProcess(matches: (argv: string[]) => boolean): FoundProcess {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (argv.length === 0 || !matches(argv)) continue;
      const env = Object.fromEntries(
        fs
          .readFileSync(`/proc/${entry}/environ`, 'utf8')
          .split('\0')
          .filter((pair) => pair.includes('='))
          .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
      );
      return { pid: Number(entry), argv, cwd: fs.readlinkSync(`/proc/${entry}/cwd`), env };
    } catch {
      continue; // Gone, or not ours to read.
    }
  }
  throw new Error('no running process matches');
}

async function waitGone(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (fs.existsSync(`/proc/${pid}`)) {
    const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    if (state === 'Z') return; // Exited; its parent has not reaped it yet.
    if (Date.now() > deadline) throw new Error(`process ${pid} did not exit in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface Restarted {
  pid: number;
  stop(): Promise<void>;
}

/**
 * Stops a server the start command runs (it does not supervise versitygw), keeps it
 * down for `downMs`, then starts the same command line again and waits for its port. The new process
 * is the caller's to stop.
 */
export async function restartProcess(options: {
  matches: (argv: string[]) => boolean;
  signal: NodeJS.Signals;
  downMs: number;
  port: number;
  logFile: string;
}): Promise<Restarted> {
  const found = findProcess(options.matches);
  process.kill(found.pid, options.signal);
  await waitGone(found.pid, 60_000);
  await new Promise((resolve) => setTimeout(resolve, options.downMs));
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(found.argv[0]!, found.argv.slice(1), {
    cwd: found.cwd,
    env: found.env,
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForPort(options.port, 120_000);
  return {
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
