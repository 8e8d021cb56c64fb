import { type ManagedProcess } from '../local/managed-process';
import { type RehearsedContainer } from './task-definitions';

/**
 * The process a container health check runs, as ECS composes it: `CMD` runs the rest directly, `CMD-SHELL` runs
 * it with the image's /bin/sh.
 */
export function healthCheckProcessLine(container: RehearsedContainer): string[] {
  const check = container.healthCheck;
  if (!check) throw new Error(`${container.name} has no container health check in its task definition`);
  const [kind, ...rest] = check.command;
  if (kind === 'CMD') return rest;
  if (kind === 'CMD-SHELL') return ['/bin/sh', '-c', rest.join(' ')];
  throw new Error(`${container.name}: health check command starts with ${kind}, not CMD or CMD-SHELL`);
}

/** Runs one health check (a fresh process in the task's sandbox) and resolves with its exit code. */
export async function runHealthCheck(start: () => ManagedProcess, timeoutMs: number): Promise<number | null> {
  const check = start();
  const timer = setTimeout(() => void check.stop(), timeoutMs);
  const code = await check.exited;
  clearTimeout(timer);
  return code;
}

/** Repeats the check until it passes, as ECS does during the start period; throws with the last log when it never does. */
export async function waitHealthy(
  name: string,
  start: (attempt: number) => ManagedProcess,
  options: {
    timeoutMs: number;
    everyMs: number;
    checkTimeoutMs: number;
    tail: (p: ManagedProcess) => string;
  },
): Promise<number> {
  const deadline = Date.now() + options.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    let last: ManagedProcess | undefined;
    const code = await runHealthCheck(() => (last = start(attempt)), options.checkTimeoutMs);
    if (code === 0) return attempt;
    if (Date.now() > deadline) {
      throw new Error(
        `${name}: health check still failing (exit ${code}) after ${attempt} attempts:\n${last ? options.tail(last) : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.everyMs));
  }
}
