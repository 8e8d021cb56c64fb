/**
 * `npm run bench:workflow-start`: what creating a workflow costs a case worker before its first line runs,
 * with domain/ and zod preloaded (the case bundle, workers/workflow-bundling.ts) and without. Each side
 * bundles workflows/ and creates workflows in the SDK's own reusable V8 context
 * (ReusableVMWorkflowCreator, what the worker uses), which evaluates the modules a workflow does not
 * share. Sides are interleaved in rounds; prints ms of CPU and KiB of heap kept per workflow, and ratios.
 * Run with --expose-gc (the npm script does).
 */
import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { ReusableVMWorkflowCreator } from '@temporalio/worker/lib/workflow/reusable-vm';
import type { WorkflowCreateOptions } from '@temporalio/worker/lib/workflow/interface';
import { z } from 'zod';
import { parseFlags } from './peak/peak-args';
import { formatTable } from './peak/peak-report';
import { CASE_WORKFLOWS_PATH, caseBundlerOptions } from '../workers/workflow-bundling';
import { CASE_WORKFLOW_TYPE } from '../domain/case-workflow-types';

const USAGE = 'usage: npm run bench:workflow-start -- [--workflows 60] [--rounds 3]';
const Args = z.strictObject({
  workflows: z.coerce.number().int().min(5).max(2_000).default(60),
  rounds: z.coerce.number().int().min(1).max(20).default(3),
});
const silent = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error };

function createOptions(index: number): WorkflowCreateOptions {
  const now = Date.now();
  const info = {
    workflowId: `bench-start-${index}`,
    runId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    workflowType: CASE_WORKFLOW_TYPE,
    taskQueue: 'bench',
    namespace: 'default',
    firstExecutionRunId: `first-${index}`,
    attempt: 1,
    historyLength: 3,
    historySize: 1_000,
    continueAsNewSuggested: false,
    searchAttributes: {},
    memo: {},
    startTime: new Date(now),
    runStartTime: new Date(now),
    taskTimeoutMs: 10_000,
    unsafe: { isReplaying: false, now: () => Date.now() },
  };
  return {
    info: info as unknown as WorkflowCreateOptions['info'],
    randomnessSeed: [0, index],
    now,
    showStackTraceSources: false,
  };
}

interface StartCost {
  msPerWorkflow: number;
  kibPerWorkflow: number;
}

async function measure(
  creator: ReusableVMWorkflowCreator,
  count: number,
  offset: number,
): Promise<StartCost> {
  global.gc!();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = process.cpuUsage();
  const workflows = [];
  for (let i = 0; i < count; i += 1) workflows.push(await creator.createWorkflow(createOptions(offset + i)));
  const cpu = process.cpuUsage(started);
  global.gc!();
  const kept = process.memoryUsage().heapUsed - heapBefore;
  for (const workflow of workflows) await workflow.dispose();
  return { msPerWorkflow: (cpu.user + cpu.system) / 1000 / count, kibPerWorkflow: kept / 1024 / count };
}

/** The worker's loader adds a file name (for stack traces) and an empty source map (maps are inline). */
const loadable = (bundle: WorkflowBundle, name: string) => ({
  code: bundle.code,
  filename: `bench-${name}-workflow-bundle.js`,
  sourceMap: { version: 3, sources: [], names: [], mappings: '' } as never,
});

async function main(): Promise<void> {
  if (!global.gc) throw new Error('run with node --expose-gc (npm run bench:workflow-start does)');
  const args = parseFlags(Args, process.argv.slice(2), USAGE);
  console.log('bundling workflows/ twice (with and without preloading)...');
  const bundles: Record<'preloaded' | 'perWorkflow', WorkflowBundle> = {
    preloaded: await bundleWorkflowCode({
      workflowsPath: CASE_WORKFLOWS_PATH,
      logger: silent,
      ...caseBundlerOptions(),
    }),
    perWorkflow: await bundleWorkflowCode({ workflowsPath: CASE_WORKFLOWS_PATH, logger: silent }),
  };
  const creators = {
    preloaded: await ReusableVMWorkflowCreator.create(
      loadable(bundles.preloaded, 'preloaded'),
      10_000,
      new Set(),
    ),
    perWorkflow: await ReusableVMWorkflowCreator.create(
      loadable(bundles.perWorkflow, 'per-workflow'),
      10_000,
      new Set(),
    ),
  };
  // Warm-up: the first workflows of a context pay for compiling the code.
  await measure(creators.preloaded, 5, 0);
  await measure(creators.perWorkflow, 5, 0);
  const totals = { preloaded: [] as StartCost[], perWorkflow: [] as StartCost[] };
  for (let round = 0; round < args.rounds; round += 1) {
    const offset = 1_000 + round * args.workflows;
    totals.perWorkflow.push(await measure(creators.perWorkflow, args.workflows, offset));
    totals.preloaded.push(await measure(creators.preloaded, args.workflows, offset));
  }
  const mean = (costs: StartCost[], key: keyof StartCost) =>
    costs.reduce((a, c) => a + c[key], 0) / costs.length;
  const rows = (['perWorkflow', 'preloaded'] as const).map((side) => [
    side === 'preloaded'
      ? 'domain/ and zod preloaded (the case bundle)'
      : 'every module per workflow (before)',
    mean(totals[side], 'msPerWorkflow').toFixed(2),
    mean(totals[side], 'kibPerWorkflow').toFixed(0),
  ]);
  console.log(
    `\nCreating a ${CASE_WORKFLOW_TYPE} in the SDK's reusable context, ${args.workflows} per side per round, ${args.rounds} rounds (${new Date().toISOString()}):`,
  );
  console.log(formatTable([['bundle', 'CPU ms per workflow', 'heap KiB kept per workflow'], ...rows]));
  console.log(
    `ratio preloaded / before: CPU ${(mean(totals.preloaded, 'msPerWorkflow') / mean(totals.perWorkflow, 'msPerWorkflow')).toFixed(3)}, heap ${(mean(totals.preloaded, 'kibPerWorkflow') / mean(totals.perWorkflow, 'kibPerWorkflow')).toFixed(3)}`,
  );
  await creators.preloaded.destroy();
  await creators.perWorkflow.destroy();
}

main().catch((error: unknown) => {
  console.error(`bench:workflow-start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
