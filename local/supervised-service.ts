import type { ManagedProcess } from './managed-process';
import { startNodeService, type NodeServiceOptions } from './node-service';

export interface SupervisedService {
  name: string;
  /** The process running now (it changes after a restart). */
  current(): ManagedProcess;
  restarts(): number;
  /** Stops the service for good: no restart after this. */
  stop(graceMs?: number): Promise<void>;
}

export interface SupervisionOptions {
  /** Where restarts are announced (the console of `npm start`). */
  say(line: string): void;
  /** First wait before a restart; doubles per quick death up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A run this long counts as healthy: the next death waits initialBackoffMs again. */
  healthyAfterMs?: number;
}

/**
 * Runs a node service and starts it again whenever it dies (kill -9, a crash, out of memory), with
 * exponential backoff so a service that dies at once does not spin, announcing each death and return.
 * Durable state is in Temporal, so a restarted worker picks up where the dead one left off.
 */
export function superviseNodeService(
  service: NodeServiceOptions,
  options: SupervisionOptions,
): Promise<SupervisedService> {
  return superviseProcess(service.name, () => startNodeService(service), options);
}

export interface ProcessSupervision extends SupervisionOptions {
  /**
   * Resolves with a reason when the running process is alive but unusable (never, while it is fine);
   * the supervisor then stops it and starts it again like a dead one.
   */
  unhealthy?: (child: ManagedProcess) => Promise<string>;
}

/** superviseNodeService for any process `start` runs and waits ready. */
export async function superviseProcess(
  name: string,
  start: () => Promise<ManagedProcess>,
  options: ProcessSupervision,
): Promise<SupervisedService> {
  const initial = options.initialBackoffMs ?? 1000;
  const max = options.maxBackoffMs ?? 30_000;
  const healthyAfter = options.healthyAfterMs ?? 60_000;
  let running = await start();
  let startedAt = Date.now();
  let stopped = false;
  let restarts = 0;
  let backoff = initial;
  let timer: NodeJS.Timeout | undefined;
  options.say(`  ${name} running (pid ${running.pid})`);

  const watch = (child: ManagedProcess) => {
    void options.unhealthy?.(child).then((reason) => {
      if (stopped || running !== child) return;
      options.say(`${name} (pid ${child.pid}) is alive but unusable: ${reason}; stopping it`);
      void child.stop();
    });
    void child.exited.then((code) => {
      if (stopped) return;
      if (Date.now() - startedAt >= healthyAfter) backoff = initial;
      options.say(
        `${name} (pid ${child.pid}) exited ${code === null ? 'on a signal' : `with code ${code}`}; restarting in ${(backoff / 1000).toFixed(1)} s (log ${child.logFile})`,
      );
      scheduleRestart();
    });
  };

  const scheduleRestart = () => {
    const wait = backoff;
    backoff = Math.min(backoff * 2, max);
    timer = setTimeout(() => {
      timer = undefined;
      if (stopped) return;
      start().then(
        (child) => {
          if (stopped) {
            void child.stop();
            return;
          }
          running = child;
          startedAt = Date.now();
          restarts += 1;
          options.say(`${name} is back (pid ${child.pid}, restart ${restarts})`);
          watch(child);
        },
        (error: unknown) => {
          if (stopped) return;
          options.say(
            `${name} did not come back (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); trying again in ${(backoff / 1000).toFixed(1)} s`,
          );
          scheduleRestart();
        },
      );
    }, wait);
  };

  watch(running);
  return {
    name,
    current: () => running,
    restarts: () => restarts,
    async stop(graceMs) {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.stop(graceMs);
    },
  };
}
