import { searchAttributeCliArgs } from '../domain/search-attributes';
import { startManagedProcess, tailOf, type ManagedProcess } from './managed-process';
import { waitForPort } from './ports';

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
  ];
  if (options.uiPort === undefined) args.push('--headless');
  else args.push('--ui-ip', '127.0.0.1', '--ui-port', String(options.uiPort));

  const child = startManagedProcess({ name: 'temporal', command: options.cliPath, args, logFile: options.logFile });
  try {
    await Promise.race([
      waitForPort(options.port, 60_000),
      child.exited.then((code) => {
        throw new Error(`the Temporal dev server exited early with code ${code}`);
      }),
    ]);
    if (options.uiPort !== undefined) await waitForPort(options.uiPort, 30_000);
  } catch (error) {
    await child.stop();
    throw new Error(
      `${(error as Error).message}. Log ${options.logFile}:\n${tailOf(options.logFile)}\n` +
        'Is another server using the port or the SQLite file? Stop it, or pick other ports.',
    );
  }
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: options.uiPort === undefined ? undefined : `http://127.0.0.1:${options.uiPort}`,
    namespace: options.namespace,
    process: child,
    stop: () => child.stop(),
  };
}
