import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ManagedProcess {
  name: string;
  pid: number;
  logFile: string;
  /** SIGTERM, then SIGKILL after graceMs; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Starts a server as a child process whose output goes to a log file. The child gets its own process
 * group so that stop() also ends anything it spawned.
 */
export function startManagedProcess(options: StartOptions): ManagedProcess {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, 'a');
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error(`Could not start ${options.name} (${options.command}).`);
  const pid = child.pid;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 10_000): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };
  return { name: options.name, pid, logFile: options.logFile, stop, exited };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Waits for `ready` (a port opening, a log line), failing at once if the process exits first. On any
 * failure the process is stopped and the error carries the last lines of its log and what to try.
 */
export async function awaitReady(
  child: ManagedProcess,
  ready: Promise<unknown>,
  hint?: string,
): Promise<void> {
  try {
    await Promise.race([
      ready,
      child.exited.then((code) => {
        throw new Error(`${child.name} exited early with code ${code}`);
      }),
    ]);
  } catch (error) {
    await child.stop();
    throw new Error(
      `${(error as Error).message}. Log ${child.logFile}:\n${tailOf(child.logFile)}${hint ? `\n${hint}` : ''}`,
    );
  }
}

/** Last lines of a log, for error messages that say what went wrong. */
export function tailOf(logFile: string, lines = 20): string {
  try {
    return fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
