import { Client, Connection } from '@temporalio/client';
import { bareCluster } from '../bench/peak/bare/bare-cluster';
import { lastBareIntakeCount } from '../bench/peak/bare/bare-intake-log';
import { tlsOptions } from '../config/temporal';
import type { ManagedProcess } from '../local/managed-process';
import { startNodeService } from '../local/node-service';
import type { BareOnEstate } from './scale-probe';

const BARE_QUEUE = 'bare-probe';

/**
 * The bench's bare workflow on the rehearsed cluster, for the scale probe's baseline: a client and a bare
 * worker (bench/peak/bare/bare-worker.ts, a process of its own, not an ECS task) that connect with Saring's
 * worker credential to the frontend's address, as Saring's worker task does through service discovery.
 */
export async function bareOnEstate(input: {
  address: string;
  workerEnvironment: Readonly<Record<string, string | undefined>>;
  logFile: string;
  running: ManagedProcess[];
}): Promise<BareOnEstate> {
  const cluster = bareCluster(input.workerEnvironment);
  const connection = await Connection.connect({ address: input.address, ...tlsOptions(cluster) });
  const client = new Client({ connection, namespace: cluster.namespace });
  return {
    client,
    taskQueue: BARE_QUEUE,
    close: () => connection.close(),
    async startWorker() {
      const worker = await startNodeService({
        name: 'bare-worker',
        entry: 'bench/peak/bare/bare-worker.ts',
        args: [input.address, BARE_QUEUE],
        env: definedVariables(input.workerEnvironment),
        logFile: input.logFile,
        readyLine: /bare worker ready/,
      });
      input.running.push(worker);
      return {
        pid: worker.pid,
        intakeCount: () => lastBareIntakeCount(input.logFile),
        stop: () => worker.stop(),
      };
    },
  };
}

/** The worker task's variables, passed on to the bare worker's process (it reads the Temporal ones). */
function definedVariables(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).flatMap(([name, value]) => (value === undefined ? [] : [[name, value]])),
  );
}
