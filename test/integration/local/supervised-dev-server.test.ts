import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { superviseDevServer, type SupervisedDevServer } from '../../../local/supervised-dev-server';
import { isPortFree } from '../../../local/port-check';
import { readManifest } from '../../../toolchain/manifest';

async function freePortBelowEphemeralRange(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await isPortFree(port)) return port;
  }
  throw new Error('no free port between 20000 and 32000');
}

async function until(what: string, holds: () => boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!holds()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function namespaceAnswers(address: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.describeNamespace({ namespace: 'default' });
  } finally {
    await connection.close();
  }
}

/**
 * The dev server of `npm start` under its supervisor: started again on the same SQLite file when it dies
 * (the chaos fault dev-server-restart) and when its database connection wedges. The wedge itself (the
 * embedded server's SQLite driver failing every query with "interrupted (9)") cannot be provoked on
 * demand, so the test writes what the wedged server logs into the real server's log.
 */
describe('the supervised Temporal dev server', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-devserver-'));
  const lines: string[] = [];
  let server: SupervisedDevServer | undefined;

  beforeAll(async () => {
    server = await superviseDevServer(
      {
        cliPath: readManifest().temporalCli.path,
        dbFile: path.join(dir, 'temporal.sqlite'),
        port: await freePortBelowEphemeralRange(),
        namespace: 'default',
        logFile: path.join(dir, 'temporal.log'),
      },
      { say: (line) => lines.push(line) },
      { checkEveryMs: 200, wedgedForMs: 1_000 },
    );
  });

  afterAll(async () => {
    await server?.service.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts it again when it is killed, on the same database', async () => {
    const pid = server!.service.current().pid;
    process.kill(pid, 'SIGTERM');
    await until('the restart', () => server!.service.restarts() === 1);
    expect(server!.service.current().pid).not.toBe(pid);
    expect(lines.join('\n')).toMatch(/temporal \(pid \d+\) exited .*; restarting in 1\.0 s/);
    await namespaceAnswers(server!.address);
  });

  it('starts it again when its database connection stays wedged, not for one interrupted query', async () => {
    const log = server!.service.current().logFile;
    const wedgedLine = () =>
      fs.appendFileSync(
        log,
        'time=2026-11-30T11:00:54.266 level=ERROR msg="Operation failed with internal error." error="GetNamespace operation failed. Error interrupted (9)"\n',
      );
    wedgedLine(); // One cancelled query: no restart.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(server!.service.restarts()).toBe(1);

    const pid = server!.service.current().pid;
    const timer = setInterval(wedgedLine, 100);
    try {
      await until('the restart of the wedged server', () => server!.service.restarts() === 2);
    } finally {
      clearInterval(timer);
    }
    expect(server!.service.current().pid).not.toBe(pid);
    expect(lines.join('\n')).toMatch(/temporal \(pid \d+\) is alive but unusable: every SQLite query fails/);
    await namespaceAnswers(server!.address);
  });
});
