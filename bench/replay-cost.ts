/**
 * `npm run bench:replay`: CPU to replay recorded case histories (the replay corpus,
 * test/fixtures/histories/<version>/) with the case bundle as the worker runs it, and with the same bundle
 * but stack frames kept in workflow errors (without workflows/lean-stack-traces). A replay is what an
 * evicted case costs on its next timer or update. Sides alternate in rounds; the first round warms up
 * and is not counted. Prints ms of CPU per replayed run (median of rounds) and the ratio.
 */
import { DefaultLogger, Runtime, Worker, bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { z } from 'zod';
import { parseFlags } from './peak/peak-args';
import { formatTable } from './peak/peak-report';
import { percentiles } from './peak/update-latency';
import { bundleCaseWorkflowCode } from '../workers/bundle-case-workflows';
import { CASE_WORKFLOWS_PATH, caseBundlerOptions } from '../workers/workflow-bundling';
import { corpusHistories, readCorpus } from '../test/support/history-corpus';
import { testDataConverter } from '../test/support/codec/test-codec';
import { quietLogger } from '../test/support/servers/quiet-logger';

const USAGE = 'usage: npm run bench:replay -- [--rounds 4] [--passes 1]';
const Args = z.strictObject({
  rounds: z.coerce.number().int().min(2).max(20).default(4),
  /** Replays of the whole corpus per side per round. */
  passes: z.coerce.number().int().min(1).max(20).default(1),
});
const LEAN_MODULE = require.resolve('../workflows/lean-stack-traces');

type Side = 'lean' | 'withFrames';

async function replayCpuMsPerRun(
  bundle: WorkflowBundle,
  histories: ReturnType<typeof corpusHistories>,
  passes: number,
): Promise<number> {
  const before = process.cpuUsage();
  let runs = 0;
  for (let pass = 0; pass < passes; pass += 1) {
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: bundle, replayName: 'bench-replay', dataConverter: testDataConverter },
      histories,
    )) {
      if (result.error) throw result.error;
      runs += 1;
    }
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / runs;
}

const median = (values: number[]) => percentiles(values).p50;

async function main(): Promise<void> {
  const args = parseFlags(Args, process.argv.slice(2), USAGE);
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const histories = readCorpus().flatMap(corpusHistories);
  if (histories.length === 0)
    throw new Error('no recorded histories under test/fixtures/histories/<version>/');
  console.log(`bundling workflows/ twice; ${histories.length} recorded runs to replay...`);
  const bundles: Record<Side, WorkflowBundle> = {
    // Exactly the bundle the case worker runs.
    lean: await bundleCaseWorkflowCode({ logger: quietLogger }),
    withFrames: await bundleWorkflowCode({
      workflowsPath: CASE_WORKFLOWS_PATH,
      ...caseBundlerOptions(),
      logger: quietLogger,
      preloadModules: caseBundlerOptions().preloadModules.filter((module) => module !== LEAN_MODULE),
    }),
  };
  const cpu: Record<Side, number[]> = { lean: [], withFrames: [] };
  for (let round = 0; round < args.rounds; round += 1) {
    for (const side of ['withFrames', 'lean'] as const) {
      const ms = await replayCpuMsPerRun(bundles[side], histories, args.passes);
      console.log(
        `  round ${round + 1}${round === 0 ? ' (warm-up)' : ''}, ${side}: ${ms.toFixed(1)} ms CPU a run`,
      );
      if (round > 0) cpu[side].push(ms);
    }
  }
  console.log(
    `\nReplaying ${histories.length} recorded case runs, ${args.passes} passes per side per round, ${args.rounds - 1} rounds counted (${new Date().toISOString()}):`,
  );
  console.log(
    formatTable([
      ['case bundle', 'CPU ms per replayed run (median)'],
      ['stack frames kept in workflow errors (before)', median(cpu.withFrames).toFixed(1)],
      ['no stack frames (workflows/lean-stack-traces, the worker)', median(cpu.lean).toFixed(1)],
    ]),
  );
  console.log(`ratio lean / before: ${(median(cpu.lean) / median(cpu.withFrames)).toFixed(3)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
