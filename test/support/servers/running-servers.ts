/**
 * Servers the global setup started. Kept on globalThis: jest loads the setup and teardown files
 * separately, and only the process (not a module instance) is shared between them.
 */
interface Stoppable {
  stop(): Promise<void>;
  /** Child-process servers; in-process ones (the simulators) have none and end with this process. */
  process?: { pid: number };
}

const KEY = Symbol.for('saring.test.runningServers');
const holder = globalThis as unknown as Record<symbol, Stoppable[] | undefined>;
const running: Stoppable[] = (holder[KEY] ??= []);

export function registerForTeardown(...servers: Stoppable[]): void {
  running.push(...servers);
}

export async function stopAll(): Promise<void> {
  const toStop = running.splice(0);
  await Promise.allSettled(toStop.map((server) => server.stop()));
}

/** Synchronous last resort for process exit, where nothing can be awaited. */
export function killAllNow(): void {
  for (const server of running) {
    if (!server.process) continue;
    try {
      process.kill(-server.process.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
