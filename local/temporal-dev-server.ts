import { searchAttributeCliArgs } from '../domain/search-attributes';
import { awaitReady, startManagedProcess, type ManagedProcess } from './managed-process';
import { waitForPort } from '../lib/ports';

export interface TemporalDevServerOptions {
  cliPath: string;
  /** SQLite file; kept across restarts so a second start finds the first run's workflows. */
  dbFile: string;
  port: number;
  /** Omit for a headless server (tests). */
  uiPort?: number;
  namespace: string;
  logFile: string;
}

export interface TemporalDevServer {
  address: string;
  uiUrl?: string;
  namespace: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--db-filename',
    options.dbFile,
    '--namespace',
    options.namespace,
    '--log-level',
    'warn',
    ...searchAttributeCliArgs(),
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecution=true',
    // The dev server's SQLite has one connection, and every write used to wait for its own fsyncs
    // (rollback journal, synchronous=FULL). WAL with synchronous=NORMAL keeps every committed write
    // through a kill -9 of the server and loses at most the last ones to a power cut, which a local
    // platform can afford (docs/performance.md: the dev server under a peak day).
    '--sqlite-pragma',
    'journal_mode=wal',
    '--sqlite-pragma',
    'synchronous=normal',
  ];
  if (options.uiPort === undefined) args.push('--headless');
  else args.push('--ui-ip', '127.0.0.1', '--ui-port', String(options.uiPort));

  const child = startManagedProcess({
    name: 'the Temporal dev server',
    command: options.cliPath,
    args,
    logFile: options.logFile,
  });
  const ui = options.uiPort;
  await awaitReady(
    child,
    waitForPort(options.port, 60_000).then(() => (ui === undefined ? undefined : waitForPort(ui, 30_000))),
    'Is another server using the port or the SQLite file? Stop it, or pick other ports.',
  );
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: options.uiPort === undefined ? undefined : `http://127.0.0.1:${options.uiPort}`,
    namespace: options.namespace,
    process: child,
    stop: () => child.stop(),
  };
}
