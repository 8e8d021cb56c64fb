import path from 'node:path';
import { z } from 'zod';
import type { PeakPlatform } from '../peak-platform';
import type { DayProgress } from '../saring-day';
import { restartProcess } from './process-restart';

export const FAULT_NAMES = [
  'worker-kill',
  'dev-server-restart',
  's3-down',
  'platform-500',
  'smtp-down',
] as const;
export const FaultName = z.enum(FAULT_NAMES);
export type FaultName = z.infer<typeof FaultName>;

export interface FaultTimes {
  /** versitygw down, and the SMTP sink down. */
  outageMs: number;
  /** The platform simulator answering 500 (the 10 minutes, compressed like the bench policy). */
  platformOutageMs: number;
}

/** One fault's plan: `tick` fires its injections at the right moments of the day; `done` awaits what it started. */
export interface ArmedFault {
  injected: string[];
  tick(progress: DayProgress): Promise<void>;
  done(): Promise<void>;
}

async function postFault(base: string, forMs: number): Promise<void> {
  const response = await fetch(`${base}/_faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: 500, forMs }),
  });
  if (!response.ok) throw new Error(`${base}/_faults answered ${response.status}`);
}

/** Fires `inject` once, the first time `when` holds. */
function once(when: (p: DayProgress) => boolean, inject: (p: DayProgress) => Promise<void> | void) {
  let fired = false;
  return async (progress: DayProgress) => {
    if (fired || !when(progress)) return;
    fired = true;
    await inject(progress);
  };
}

export function armFault(
  name: FaultName,
  platform: PeakPlatform,
  times: FaultTimes,
  say: (line: string) => void,
): ArmedFault {
  const injected: string[] = [];
  const background: Promise<unknown>[] = [];
  const restarted: { stop(): Promise<void> }[] = [];
  const note = (what: string, progress: DayProgress) => {
    const line = `${what} at ${progress.seconds.toFixed(0)} s (accepted ${progress.accepted}, verdicts ${progress.verdicts}, closed ${progress.closed}/${progress.uniqueCases})`;
    injected.push(line);
    say(`  FAULT: ${line}`);
  };
  const share = (p: DayProgress, value: number) => Math.max(1, Math.ceil(value * Math.max(p.uniqueCases, 1)));
  const killWorker = (stage: string) => (progress: DayProgress) => {
    const pid = platform.pidOf('worker');
    process.kill(-pid, 'SIGKILL');
    note(`kill -9 of the worker (pid ${pid}) in ${stage}`, progress);
  };
  const restarts = () => (platform.output().match(/worker is back/g) ?? []).length;
  const dataDir = platform.dataDir;
  const triggers: ((p: DayProgress) => Promise<void>)[] = [];

  switch (name) {
    case 'worker-kill': {
      let kills = 0;
      const next = (stage: string, when: (p: DayProgress) => boolean) =>
        once(
          (p) => restarts() >= kills && when(p),
          (p) => {
            kills += 1;
            killWorker(stage)(p);
          },
        );
      triggers.push(
        next('intake', (p) => p.inIntake >= 3),
        next('verification', (p) => p.verdicts >= share(p, 0.1)),
        next('action (takedowns running)', (p) => p.verdicts >= share(p, 0.5) && p.closed >= 1),
        next('monitoring and closing', (p) => p.closed >= share(p, 0.3)),
      );
      break;
    }
    case 'dev-server-restart':
      // The start command supervises the dev server: it starts it again on the same SQLite file.
      triggers.push(
        once(
          (p) => p.verdicts >= share(p, 0.2),
          (p) => {
            const pid = platform.pidOf('temporal');
            process.kill(pid, 'SIGTERM');
            note(`SIGTERM of the Temporal dev server (pid ${pid}), started again by the supervisor`, p);
          },
        ),
      );
      break;
    case 's3-down':
      triggers.push(
        once(
          (p) => p.verdicts >= share(p, 0.1),
          (p) => {
            note(`kill -9 of versitygw, down ${times.outageMs / 1000} s`, p);
            background.push(
              restartProcess({
                matches: (argv) =>
                  argv.some((arg) => arg.includes('versitygw')) && argv.some((arg) => arg.includes(dataDir)),
                signal: 'SIGKILL',
                downMs: times.outageMs,
                port: platform.ports.s3,
                logFile: path.join(dataDir, 'logs', 's3-after-restart.log'),
              }).then((server) => restarted.push(server)),
            );
          },
        ),
      );
      break;
    case 'platform-500':
      triggers.push(
        once(
          (p) => p.verdicts >= share(p, 0.1),
          async (p) => {
            await postFault(platform.simulators.platform, times.platformOutageMs);
            note(`platform simulator answers 500 for ${times.platformOutageMs / 1000} s`, p);
          },
        ),
      );
      break;
    case 'smtp-down':
      triggers.push(
        once(
          (p) => p.accepted >= Math.ceil(p.detections * 0.1),
          async (p) => {
            await postFault(platform.simulators.smtpApi, times.outageMs);
            note(`SMTP sink refuses mail (421) for ${times.outageMs / 1000} s`, p);
          },
        ),
      );
      break;
  }
  return {
    injected,
    async tick(progress) {
      for (const trigger of triggers) await trigger(progress);
    },
    async done() {
      await Promise.all(background);
      for (const server of restarted) await server.stop();
    },
  };
}
