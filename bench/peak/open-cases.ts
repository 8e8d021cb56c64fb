/**
 * `npm run bench:open-cases [-- --sizes 1000,2500,5000 --task-memory-mib 1024 --sample 100]`: worker RSS
 * with many open cases waiting on timers, and what an evicted case costs when an officer touches it.
 *
 * 1. A dev server of its own (free port, its own SQLite file) and a case worker process
 *    (bench/peak/open-cases-worker.ts): the real case workflows, the cache and slots the sizing rule
 *    gives for --task-memory-mib, activity doubles parsing the real schemas.
 * 2. Gambling detections (content hashes) open cases (signal-with-start, 32 in flight) until the next size is reached;
 *    every case goes through intake and waits in verification on its SLA timers (hours). At each size,
 *    once every case waits, the worker's RSS is sampled for a few seconds.
 * 3. An update (assignVerifier) is timed, one at a time, on the cases started last (in the cache) and
 *    on the cases started first (evicted long ago: the worker replays their history to answer).
 * 4. With --reminder-wave-minutes M the cases were given an M-minute verification SLA: the bench then
 *    waits for the wave of reminders and deadlines across them (bench/peak/reminder-wave.ts), timing
 *    updates on evicted cases while it passes and reading how late the timers fired from histories.
 * Prints RSS against open cases and the latencies, writes open-cases-report.json to --out.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { z } from 'zod';
import { CaseClient } from '../../cases/case-client';
import { startNodeService } from '../../local/node-service';
import { startTemporalDevServer } from '../../local/temporal-dev-server';
import { freePort } from '../../lib/ports';
import { readManifest } from '../../toolchain/manifest';
import { DATA_DIR } from '../../toolchain/paths';
import { parseFlags } from './peak-args';
import { formatTable } from './peak-report';
import { buildWorkflowBundle } from './peak-session';
import { UsageSampler } from './process-usage';
import { stopOnSignal } from './stop-on-signal';
import { ASSIGNEES, millisOf, SUPERVISOR_ACTOR, percentiles, type Percentiles } from './update-latency';
import { IS_CASE_WORKFLOW } from '../../domain/case-workflow-types';
import { loadDefaultPolicy } from '../../policy';
import {
  passReminderWave,
  reminderWaveTable,
  sampledTimerLags,
  spreadSample,
  wavePolicy,
  type ReminderWaveReport,
} from './reminder-wave';

const USAGE =
  'usage: npm run bench:open-cases -- [--sizes 1000,2500,5000] [--task-memory-mib 1024] [--heap-mib 768] [--max-cached N] [--sample 100] [--reminder-wave-minutes M] [--out DIR] [--keep true]';
const TASK_QUEUE = 'open-cases';
const IN_FLIGHT = 32;
const RSS_WINDOW_MS = 5_000;

export const OpenCasesArgs = z.strictObject({
  sizes: z
    .string()
    .default('1000,2500,5000')
    .transform((text) => text.split(',').map((part) => Number(part.trim())))
    .pipe(
      z
        .array(z.number().int().min(10).max(200_000))
        .min(1)
        .refine((sizes) => sizes.every((size, i) => i === 0 || size > sizes[i - 1]!), 'sizes must grow'),
    ),
  taskMemoryMib: z.coerce.number().int().min(512).max(65_536).default(1024),
  /**
   * The worker's V8 heap limit (--max-old-space-size), MiB: 0 leaves Node's default, which on a large
   * machine lets the heap grow to GiBs before a full collection, so RSS says little of what is needed.
   * Default: 3/4 of the task's memory, what a container of that size leaves a worker.
   */
  heapMib: z.coerce.number().int().min(0).max(65_536).optional(),
  /**
   * Overrides the cache size the sizing rule gives (tuning.maxCachedWorkflows): a small cache gets past
   * it with a few hundred cases, which is what this shared machine can open in minutes.
   */
  maxCached: z.coerce.number().int().min(1).max(100_000).optional(),
  /** Updates timed on cached cases, and as many on evicted ones. */
  sample: z.coerce.number().int().min(5).max(2_000).default(100),
  /**
   * The cases' verification SLA, minutes: their reminders and deadlines then come as a wave within the
   * run. Choose it so half of it exceeds the time to open every case and time the updates.
   */
  reminderWaveMinutes: z.coerce.number().int().min(2).max(240).optional(),
  out: z
    .string()
    .min(1)
    .default(path.join(DATA_DIR, 'bench', 'open-cases')),
  keep: z.enum(['true', 'false']).default('false'),
});
export type OpenCasesArgs = z.infer<typeof OpenCasesArgs>;

export interface OpenCasesReport {
  taskMemoryMiB: number;
  heapLimitMiB: number;
  maxCachedWorkflows: number;
  /** Worker RSS (the process group: node and its tsx launcher) once every case of the size waits. */
  rss: { openCases: number; rssMiB: number; secondsToOpen: number }[];
  update: { cached: Percentiles; evicted: Percentiles; evictedHistoryEvents: number };
  reminderWave?: ReminderWaveReport;
  date: string;
}

const CASES_WAITING = `${IS_CASE_WORKFLOW} AND ExecutionStatus = 'Running' AND SaringStatus = 'verification'`;

/**
 * A crawler's content hash of a gambling page: the lightest intake (nothing to classify or capture, the
 * new-case notification only), so this machine can open thousands of cases. A case waiting in
 * verification holds the same timers and handlers either way; its state lacks only the classification
 * and the snapshot record (about 1 KB).
 */
function detection(i: number, runTag: string) {
  return {
    source: 'crawler' as const,
    reportedBy: 'bench-crawler',
    contentSha256: createHash('sha256').update(`${runTag}-${i}`).digest('hex'),
    suggestedCategory: 'online_gambling' as const,
    region: 'banjarmasin' as const,
    observedAt: new Date().toISOString(),
    detectionId: `open-${runTag}-${i}`,
  };
}

async function timedUpdates(cases: CaseClient, caseIds: string[]): Promise<number[]> {
  const samples: number[] = [];
  for (const caseId of caseIds) {
    const update = { actor: SUPERVISOR_ACTOR, assignee: ASSIGNEES[0] };
    samples.push(await millisOf(() => cases.update(caseId, 'assignVerifier', update)));
  }
  return samples;
}

export async function runOpenCases(
  args: OpenCasesArgs,
  say: (line: string) => void = console.log,
): Promise<OpenCasesReport> {
  fs.mkdirSync(args.out, { recursive: true });
  const work = fs.mkdtempSync(path.join(path.resolve(args.out), 'run-'));
  const bundle = path.join(work, 'workflow-bundle.js');
  await buildWorkflowBundle(bundle, say);
  const port = await freePort();
  const heapLimitMiB = args.heapMib ?? Math.floor(args.taskMemoryMib * 0.75);
  say(
    `starting a dev server on ${port} and the case worker (task memory ${args.taskMemoryMib} MiB, heap limit ${heapLimitMiB || 'Node default'} MiB)...`,
  );
  const temporal = await startTemporalDevServer({
    cliPath: readManifest().temporalCli.path,
    dbFile: path.join(work, 'temporal.sqlite'),
    port,
    namespace: 'default',
    logFile: path.join(work, 'temporal.log'),
  });
  let worker: Awaited<ReturnType<typeof startNodeService>> | undefined;
  let connection: Connection | undefined;
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      await connection?.close();
      await worker?.stop();
      await temporal.stop();
      if (args.keep === 'false') fs.rmSync(work, { recursive: true, force: true });
    })());
  const uninstall = stopOnSignal('the dev server and the case worker', stopAll, say);
  try {
    const workerLog = path.join(work, 'worker.log');
    worker = await startNodeService({
      name: 'open-cases worker',
      ...(heapLimitMiB > 0 ? { env: { NODE_OPTIONS: `--max-old-space-size=${heapLimitMiB}` } } : {}),
      entry: 'bench/peak/open-cases-worker.ts',
      args: [
        temporal.address,
        TASK_QUEUE,
        bundle,
        String(args.taskMemoryMib),
        ...(args.maxCached ? [String(args.maxCached)] : []),
      ],
      logFile: workerLog,
      readyLine: /open-cases worker ready \d+/,
    });
    const maxCachedWorkflows = Number(
      /open-cases worker ready (\d+)/.exec(fs.readFileSync(workerLog, 'utf8'))![1],
    );
    say(`worker ready: maxCachedWorkflows ${maxCachedWorkflows}`);
    const workerPid = worker.pid;
    const sampler = new UsageSampler(() => workerPid);
    sampler.start();
    connection = await Connection.connect({ address: temporal.address });
    const client = new Client({ connection, namespace: 'default' });
    const policy = args.reminderWaveMinutes
      ? wavePolicy(loadDefaultPolicy(), args.reminderWaveMinutes)
      : loadDefaultPolicy();
    const cases = new CaseClient(client, { taskQueue: TASK_QUEUE, policy });
    const runTag = Date.now().toString(36);
    const caseIds: string[] = [];
    const rss: OpenCasesReport['rss'] = [];
    // A worker that dies (the workflow thread out of heap, at a cache too large for it) must end the run, not
    // leave it waiting for cases nobody works on.
    let workerDied: string | undefined;
    void worker.exited.then((code) => {
      workerDied = `the case worker exited (code ${code}) with ${caseIds.length} cases opened; its log: ${workerLog} (run with --keep true to keep it)`;
    });
    const started = Date.now();
    let next = 0;
    for (const size of args.sizes) {
      const progress = setInterval(() => {
        const mib = (sampler.samples.at(-1)?.rssBytes ?? 0) / 1024 / 1024;
        say(`  opened ${caseIds.length}/${size} cases, worker RSS ${mib.toFixed(0)} MiB`);
      }, 5_000);
      try {
        await Promise.all(
          Array.from({ length: IN_FLIGHT }, async () => {
            while (next < size) {
              const i = next++;
              const submitted = await cases.submitDetection(detection(i, runTag));
              caseIds[i] = submitted.caseId;
            }
          }),
        );
        for (;;) {
          const waiting = (await client.workflow.count(CASES_WAITING)).count;
          if (waiting >= size) break;
          if (workerDied) throw new Error(workerDied);
          say(`  ${waiting}/${size} cases through intake, waiting for the rest...`);
          await sleep(3_000);
        }
      } finally {
        clearInterval(progress);
      }
      const secondsToOpen = (Date.now() - started) / 1000;
      const from = Date.now();
      await sleep(RSS_WINDOW_MS);
      const samples = sampler.samples.filter((s) => s.atMs >= from).map((s) => s.rssBytes);
      const rssMiB = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length) / 1024 / 1024;
      rss.push({ openCases: size, rssMiB, secondsToOpen });
      say(`${size} open cases waiting on timers: worker RSS ${rssMiB.toFixed(0)} MiB`);
    }
    // Only the cases opened last that fit in the cache are in it: a larger sample would time evicted ones too.
    const cachedSample = Math.min(args.sample, maxCachedWorkflows);
    say(`timing ${cachedSample} updates on cached cases, then ${args.sample} on evicted ones...`);
    const cached = await timedUpdates(cases, caseIds.slice(-cachedSample));
    const evictedIds = caseIds.slice(0, args.sample);
    const evicted = await timedUpdates(cases, evictedIds);
    const history = await client.workflow.getHandle(evictedIds[0]!).fetchHistory();
    const openedAllMs = Date.now();
    const wave = args.reminderWaveMinutes
      ? await passReminderWave({
          minutes: args.reminderWaveMinutes,
          policy,
          startedMs: started,
          openedAllMs,
          cases,
          // Neither the cases just timed (now cached) nor the last opened (cached all along).
          evictedIds: caseIds.slice(args.sample, caseIds.length - maxCachedWorkflows - args.sample),
          sampler,
          say,
        })
      : undefined;
    const reminderWave: ReminderWaveReport | undefined = wave && {
      ...wave,
      timers: await sampledTimerLags(client, spreadSample(caseIds, 200), policy.reminders.length + 1),
    };
    sampler.stop();
    return {
      taskMemoryMiB: args.taskMemoryMib,
      heapLimitMiB,
      maxCachedWorkflows,
      rss,
      update: {
        cached: percentiles(cached),
        evicted: percentiles(evicted),
        evictedHistoryEvents: history.events?.length ?? 0,
      },
      ...(reminderWave ? { reminderWave } : {}),
      date: new Date().toISOString(),
    };
  } finally {
    uninstall();
    await stopAll();
  }
}

export function openCasesTable(report: OpenCasesReport): string {
  const rssRows = formatTable([
    ['open cases', 'worker RSS MiB', 'MiB per 1,000 cases', 'seconds to open'],
    ...report.rss.map((row) => [
      row.openCases.toLocaleString('en-US'),
      row.rssMiB.toFixed(0),
      ((row.rssMiB / row.openCases) * 1000).toFixed(1),
      row.secondsToOpen.toFixed(0),
    ]),
  ]);
  const ms = (p: Percentiles) => `${p.p50.toFixed(0)} / ${p.p95.toFixed(0)} / ${p.p99.toFixed(0)}`;
  const { cached, evicted } = report.update;
  const updateRows = formatTable([
    ['update (assignVerifier), one at a time', 'p50 / p95 / p99 ms', 'n'],
    ['case in the worker cache', ms(cached), String(cached.n)],
    [`evicted case (replays ${report.update.evictedHistoryEvents} events)`, ms(evicted), String(evicted.n)],
    [
      'ratio evicted / cached',
      `p50 ${(evicted.p50 / cached.p50).toFixed(2)}, p99 ${(evicted.p99 / cached.p99).toFixed(2)}`,
      '',
    ],
  ]);
  const waveRows = report.reminderWave ? `\n\n${reminderWaveTable(report.reminderWave, evicted)}` : '';
  return `${rssRows}\n\n${updateRows}${waveRows}`;
}

if (require.main === module) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let args: OpenCasesArgs;
  try {
    args = parseFlags(OpenCasesArgs, process.argv.slice(2), USAGE);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  runOpenCases(args)
    .then((report) => {
      console.log(
        `\nOpen cases, worker sized for ${report.taskMemoryMiB} MiB (maxCachedWorkflows ${report.maxCachedWorkflows}, heap limit ${report.heapLimitMiB || 'Node default'} MiB), ${os.cpus().length} cores, ${report.date}:`,
      );
      console.log(openCasesTable(report));
      const file = path.join(args.out, 'open-cases-report.json');
      fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
      console.log(`\nfigures: ${file}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      console.error(
        'The open-cases bench failed: its logs are in the run- folder under --out when run with --keep true.',
      );
      process.exit(1);
    });
}
