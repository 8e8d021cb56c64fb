import fs from 'node:fs';
import type { ManagedProcess } from './managed-process';
import { superviseProcess, type SupervisedService, type SupervisionOptions } from './supervised-service';
import { startTemporalDevServer, type TemporalDevServerOptions } from './temporal-dev-server';
import { fileSize } from './wait-for-log';

/** What the dev server logs on every query once its SQLite connection is wedged. */
const WEDGED = /interrupted \(9\)/;
export interface WedgeCheck {
  checkEveryMs: number;
  /** One interrupted query can be a request that was cancelled; still failing this much later, it is the wedge. */
  wedgedForMs: number;
}
const WEDGE_CHECK: WedgeCheck = { checkEveryMs: 2_000, wedgedForMs: 10_000 };

/**
 * Resolves when the dev server's log shows its SQLite connection wedged: every query failing with
 * "interrupted (9)", which it never leaves by itself (namespace "default" not found, no task handed
 * out, cases standing still). A bug of the SQLite driver in the Temporal server the CLI embeds
 * (modernc.org/sqlite; temporalio/temporal#9198 upgrades it), seen under load after a cancelled
 * request, for instance after a restart. Only a new process clears it; the data on disk is intact.
 */
export function devServerWedged(child: ManagedProcess, timing: WedgeCheck = WEDGE_CHECK): Promise<string> {
  let alive = true;
  void child.exited.then(() => (alive = false));
  let offset = fileSize(child.logFile);
  let firstSeenAt: number | undefined;
  return new Promise((resolve) => {
    const check = () => {
      if (!alive) return; // Its exit is the supervisor's business; never resolve.
      const size = fileSize(child.logFile);
      let fresh = '';
      if (size > offset) {
        const fd = fs.openSync(child.logFile, 'r');
        const buffer = Buffer.alloc(Math.min(size - offset, 1 << 20));
        fs.readSync(fd, buffer, 0, buffer.length, size - buffer.length);
        fs.closeSync(fd);
        fresh = buffer.toString('utf8');
        offset = size;
      }
      if (!WEDGED.test(fresh)) firstSeenAt = undefined;
      else if (firstSeenAt === undefined) firstSeenAt = Date.now();
      else if (Date.now() - firstSeenAt >= timing.wedgedForMs) {
        resolve(
          `every SQLite query fails with "interrupted (9)" (a driver bug of the embedded Temporal server; the data is intact) since ${((Date.now() - firstSeenAt) / 1000).toFixed(0)} s`,
        );
        return;
      }
      setTimeout(check, timing.checkEveryMs);
    };
    setTimeout(check, timing.checkEveryMs);
  });
}

export interface SupervisedDevServer {
  address: string;
  uiUrl?: string;
  namespace: string;
  service: SupervisedService;
}

/**
 * The Temporal dev server of `npm start`, started again on the same SQLite file when it dies or its
 * database connection wedges, so cases go on instead of standing still until a person notices.
 */
export async function superviseDevServer(
  options: TemporalDevServerOptions,
  supervision: SupervisionOptions,
  wedge: WedgeCheck = WEDGE_CHECK,
): Promise<SupervisedDevServer> {
  let first: Awaited<ReturnType<typeof startTemporalDevServer>> | undefined;
  const service = await superviseProcess(
    'temporal',
    async () => {
      const server = await startTemporalDevServer(options);
      first ??= server;
      return server.process;
    },
    { ...supervision, unhealthy: (child) => devServerWedged(child, wedge) },
  );
  return { address: first!.address, uiUrl: first!.uiUrl, namespace: first!.namespace, service };
}
