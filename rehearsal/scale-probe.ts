import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { runBareDay, type BareDetection } from '../bench/peak/bare/bare-day';
import { sendDetectionBatches } from '../bench/peak/crawler-batches';
import { formatTable } from '../bench/peak/peak-report';
import { treeCpuSeconds } from '../bench/peak/process-usage';
import { spreadSample } from '../bench/peak/reminder-wave';
import { IS_CASE_WORKFLOW } from '../domain/case-workflow-types';
import type { AdminCli } from './admin-cli';

/**
 * `npm run rehearse -- --scale-probe N` (issue 14, "Scale beyond one machine"): on the rehearsed estate
 * (four Temporal roles on PostgreSQL, the synthesized task definitions), N crawler detections go through
 * the batch endpoint with one worker task, then N more after a second worker task of the same definition
 * joins the task queue. Each round reports cases through intake per second, which worker task ran the
 * workflow tasks of a sample of its cases, and the CPU each service used, so a reader sees whether the
 * work spread and what the machine ran out of.
 */
export interface ScaleProbeInput {
  readonly apiUrl: string;
  readonly crawlerToken: () => Promise<string>;
  readonly cli: AdminCli;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly casesPerRound: number;
  /** Each running service's process id, by name, read when a round begins and ends. */
  readonly services: () => ReadonlyMap<string, number>;
  /** Starts one more worker task from the same task definition and resolves once it polls. */
  readonly addWorkerTask: () => Promise<void>;
  /** The bare workflow (bench/peak/bare), run on the same estate between the rounds; absent: not run. */
  readonly bare?: BareOnEstate;
  readonly say: (line: string) => void;
}

/** What a bare round needs: a client of the rehearsed cluster and a way to start the bare worker. */
export interface BareOnEstate {
  readonly client: Client;
  readonly taskQueue: string;
  readonly startWorker: () => Promise<{
    readonly pid: number;
    intakeCount(): number;
    stop(): Promise<void>;
  }>;
  /** Closes the client's connection. */
  readonly close: () => Promise<void>;
}

/** The same number of cases through the bare workflow's intake (signal-with-start, two no-op activities). */
export interface BareRound {
  readonly cases: number;
  readonly acceptSeconds: number;
  readonly throughIntakeSeconds: number;
  readonly casesPerSecond: number;
  readonly closed: number;
  /** CPU seconds each service used until every bare case was through intake (read every 2 s). */
  readonly cpuSeconds: Readonly<Record<string, number>>;
}

export interface ScaleRound {
  readonly workerTasks: number;
  readonly cases: number;
  readonly acceptSeconds: number;
  readonly throughIntakeSeconds: number;
  readonly casesPerSecond: number;
  /** CPU seconds each service used during the round. */
  readonly cpuSeconds: Readonly<Record<string, number>>;
  /** Workflow tasks of the sampled cases, by the identity of the worker that started them. */
  readonly workflowTasksByWorker: Readonly<Record<string, number>>;
  readonly sampledCases: number;
}

export interface ScaleProbeResult {
  readonly historyShards: number;
  readonly bare?: BareRound;
  /** Identities polling the case task queue's workflow tasks after the second worker task joined. */
  readonly workflowPollers: readonly string[];
  readonly rounds: readonly ScaleRound[];
}

const LINES_PER_BATCH = 100;
const BATCHES_IN_FLIGHT = 4;
const SAMPLED_CASES = 24;
const INTAKE_TIMEOUT_MS = 15 * 60_000;
/** As bench:peak sends the bare day: 2 batches of 16 in flight, 8 officers deciding. */
const BARE_IN_FLIGHT = 32;
const BARE_OFFICER_LANES = 8;

const TEXTS = [
  ['online_gambling', 'Slot gacor maxwin malam ini, deposit pulsa tanpa potongan'],
  ['online_gambling', 'Link alternatif situs judi bola, bonus member baru'],
  ['pornography', 'Video dewasa viral tanpa sensor, tonton lewat tautan'],
  ['fraud', 'Selamat, nomor Anda menang undian, transfer biaya admin dulu'],
] as const;

// Protobuf JSON leaves a zero count out.
const CountAnswer = z.object({ count: z.coerce.number().default(0) });
const ClusterAnswer = z.object({ historyShardCount: z.coerce.number() }).loose();
const HistoryAnswer = z.object({
  events: z.array(
    z
      .object({
        eventType: z.string(),
        workflowTaskStartedEventAttributes: z.object({ identity: z.string() }).loose().optional(),
      })
      .loose(),
  ),
});
const QueueAnswer = z
  .object({ pollers: z.array(z.object({ identity: z.string() }).loose()).nullish() })
  .loose();

export async function probeScale(input: ScaleProbeInput): Promise<ScaleProbeResult> {
  const cluster = ClusterAnswer.parse(
    JSON.parse(input.cli(['operator', 'cluster', 'describe', '--detail', '--output', 'json'])),
  );
  input.say(`  history shards: ${cluster.historyShardCount}`);
  const rounds = [await probeRound(input, 1)];
  const bare = input.bare ? await bareRound(input, input.bare) : undefined;
  await input.addWorkerTask();
  const pollers = workflowPollers(input);
  input.say(`  workflow pollers on ${input.taskQueue}: ${pollers.join(', ')}`);
  rounds.push(await probeRound(input, 2));
  return {
    historyShards: cluster.historyShardCount,
    ...(bare ? { bare } : {}),
    workflowPollers: pollers,
    rounds,
  };
}

/** The bare workflow through the same estate: the bench's own bare day (intake, one update, closure). */
async function bareRound(input: ScaleProbeInput, bare: BareOnEstate): Promise<BareRound> {
  const worker = await bare.startWorker();
  try {
    const tag = crypto.randomBytes(3).toString('hex');
    const day: BareDetection[] = Array.from({ length: input.casesPerRound }, (_, i) => ({
      line: { detectionId: `bare-${tag}-${i}`, url: `https://bare-probe.invalid/${tag}/${i}` },
    }));
    const services = () => new Map([...input.services(), ['bare-worker', worker.pid] as const]);
    const cpuBefore = cpuByService(services());
    // Read when the bare day first sees every case through intake, so both sides' CPU covers intake alone.
    let cpuAtIntake: Map<string, number> | undefined;
    let lastSaid = 0;
    const result = await runBareDay(bare.client, day, {
      taskQueue: bare.taskQueue,
      runTag: tag,
      inFlight: BARE_IN_FLIGHT,
      officerLanes: BARE_OFFICER_LANES,
      timeoutMs: INTAKE_TIMEOUT_MS,
      intakeCount: () => {
        const through = worker.intakeCount();
        if (through >= day.length && !cpuAtIntake) cpuAtIntake = cpuByService(services());
        return through;
      },
      say: (line) => {
        if (Date.now() - lastSaid < 10_000) return;
        lastSaid = Date.now();
        input.say(`  ${line.trim()}`);
      },
    });
    const cpuSeconds = cpuDelta(cpuBefore, cpuAtIntake ?? cpuByService(services()));
    const round: BareRound = {
      cases: result.uniqueCases,
      acceptSeconds: round1(result.acceptSeconds),
      throughIntakeSeconds: round1(result.intakeSeconds),
      casesPerSecond: Number((result.uniqueCases / result.intakeSeconds).toFixed(2)),
      closed: result.closed,
      cpuSeconds,
    };
    input.say(
      `  bare workflow: ${round.casesPerSecond} cases/s through intake, ${round.closed}/${round.cases} closed; CPU s to intake: ${JSON.stringify(cpuSeconds)}`,
    );
    return round;
  } finally {
    await worker.stop();
  }
}

async function probeRound(input: ScaleProbeInput, workerTasks: number): Promise<ScaleRound> {
  const tag = crypto.randomBytes(3).toString('hex');
  // Visibility keeps start times to the microsecond; a second of slack covers clock reads on two sides.
  const since = new Date(Date.now() - 1000).toISOString();
  const cpuBefore = cpuByService(input.services());
  const began = Date.now();
  const caseIds = await sendDetections(input, tag);
  const acceptSeconds = (Date.now() - began) / 1000;
  input.say(
    `  ${workerTasks} worker task(s): ${caseIds.length} cases accepted in ${acceptSeconds.toFixed(1)} s, waiting for intake...`,
  );
  await waitThroughIntake(input, since, caseIds.length);
  const throughIntakeSeconds = (Date.now() - began) / 1000;
  const cpuSeconds = cpuDelta(cpuBefore, cpuByService(input.services()));
  const sample = spreadSample(caseIds, SAMPLED_CASES);
  const workflowTasksByWorker: Record<string, number> = {};
  for (const caseId of sample) {
    for (const identity of workflowTaskIdentities(input, caseId))
      workflowTasksByWorker[identity] = (workflowTasksByWorker[identity] ?? 0) + 1;
  }
  const result: ScaleRound = {
    workerTasks,
    cases: caseIds.length,
    acceptSeconds: round1(acceptSeconds),
    throughIntakeSeconds: round1(throughIntakeSeconds),
    casesPerSecond: Number((caseIds.length / throughIntakeSeconds).toFixed(2)),
    cpuSeconds,
    workflowTasksByWorker,
    sampledCases: sample.length,
  };
  input.say(
    `  ${workerTasks} worker task(s): ${result.casesPerSecond} cases/s through intake; workflow tasks of ${sample.length} sampled cases by worker: ${JSON.stringify(workflowTasksByWorker)}; CPU s: ${JSON.stringify(cpuSeconds)}`,
  );
  return result;
}

/** The round's detections through POST /api/detections/batch as the crawler; the distinct cases they opened. */
async function sendDetections(input: ScaleProbeInput, tag: string): Promise<string[]> {
  const observedAt = new Date().toISOString();
  const lines = Array.from({ length: input.casesPerRound }, (_, i) => {
    const [category, text] = TEXTS[i % TEXTS.length]!;
    // Each text is new, so no line is taken for a repeat of another and every line opens a case.
    return {
      detectionId: `scale-${tag}-${i}`,
      platform: 'x',
      observedAt,
      suggestedCategory: category,
      text: `${text} (${tag}-${i})`,
    };
  });
  const caseIds = new Set<string>();
  await sendDetectionBatches({
    apiUrl: input.apiUrl,
    token: input.crawlerToken,
    items: lines,
    lineOf: (line) => line,
    batchLines: LINES_PER_BATCH,
    batchesInFlight: BATCHES_IN_FLIGHT,
    onResult: (result) => {
      if (!result.caseId) throw new Error(`the batch endpoint refused a line: ${JSON.stringify(result)}`);
      caseIds.add(result.caseId);
    },
  });
  return [...caseIds];
}

async function waitThroughIntake(input: ScaleProbeInput, since: string, cases: number): Promise<void> {
  const query = `${IS_CASE_WORKFLOW} AND SaringStatus = 'verification' AND StartTime >= '${since}'`;
  const giveUpAt = Date.now() + INTAKE_TIMEOUT_MS;
  let lastSaid = 0;
  for (;;) {
    const count = CountAnswer.parse(
      JSON.parse(
        input.cli([
          'workflow',
          'count',
          '--namespace',
          input.namespace,
          '--query',
          query,
          '--output',
          'json',
        ]),
      ),
    ).count;
    if (count >= cases) return;
    if (Date.now() > giveUpAt)
      throw new Error(
        `only ${count} of ${cases} cases reached verification in ${INTAKE_TIMEOUT_MS / 60_000} min; see the worker and fetcher logs`,
      );
    if (Date.now() - lastSaid > 10_000) {
      input.say(`    ${count}/${cases} through intake`);
      lastSaid = Date.now();
    }
    await sleep(500);
  }
}

function workflowTaskIdentities(input: ScaleProbeInput, caseId: string): string[] {
  const history = HistoryAnswer.parse(
    JSON.parse(
      input.cli([
        'workflow',
        'show',
        '--namespace',
        input.namespace,
        '--workflow-id',
        caseId,
        '--output',
        'json',
      ]),
    ),
  );
  return history.events.flatMap((event) =>
    event.eventType === 'EVENT_TYPE_WORKFLOW_TASK_STARTED' && event.workflowTaskStartedEventAttributes
      ? [event.workflowTaskStartedEventAttributes.identity]
      : [],
  );
}

function workflowPollers(input: ScaleProbeInput): string[] {
  const answer = QueueAnswer.parse(
    JSON.parse(
      input.cli([
        'task-queue',
        'describe',
        '--namespace',
        input.namespace,
        '--task-queue',
        input.taskQueue,
        '--task-queue-type',
        'workflow',
        '--output',
        'json',
      ]),
    ),
  );
  return [...new Set((answer.pollers ?? []).map((poller) => poller.identity))].sort();
}

function cpuDelta(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  return Object.fromEntries(
    [...after].map(([name, seconds]) => [name, round1(seconds - (before.get(name) ?? 0))]),
  );
}

function cpuByService(services: ReadonlyMap<string, number>): Map<string, number> {
  return new Map([...services].map(([name, pid]) => [name, treeCpuSeconds(pid)]));
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The probe's rounds side by side (and the bare workflow's, when it ran), for the console. */
export function scaleProbeTable(result: ScaleProbeResult): string {
  const [one, two] = result.rounds;
  const bare = result.bare;
  const columns = [
    ...(one ? [{ title: '1 worker task', round: one }] : []),
    ...(bare ? [{ title: 'bare workflow', round: bare }] : []),
    ...(two ? [{ title: '2 worker tasks', round: two }] : []),
  ];
  const services = [...new Set(columns.flatMap((c) => Object.keys(c.round.cpuSeconds)))].sort();
  const rows = [
    ['measure', ...columns.map((c) => c.title)],
    ['cases', ...columns.map((c) => String(c.round.cases))],
    ['cases through intake per second', ...columns.map((c) => c.round.casesPerSecond.toFixed(2))],
    [
      'seconds to accept / through intake',
      ...columns.map((c) => `${c.round.acceptSeconds} / ${c.round.throughIntakeSeconds}`),
    ],
    [
      'workflow tasks of sampled cases, by worker',
      ...columns.map((c) =>
        'workflowTasksByWorker' in c.round
          ? Object.values(c.round.workflowTasksByWorker)
              .sort((a, b) => b - a)
              .join(' + ')
          : '-',
      ),
    ],
    ...services.map((name) => [
      `CPU s, ${name}`,
      ...columns.map((c) => String(c.round.cpuSeconds[name] ?? '-')),
    ]),
  ];
  const ratios = [
    ...(one && bare
      ? [
          `Saring (1 worker task) / bare, cases per second: ${(one.casesPerSecond / bare.casesPerSecond).toFixed(2)}`,
        ]
      : []),
    ...(one && two
      ? [`2 worker tasks / 1, cases per second: ${(two.casesPerSecond / one.casesPerSecond).toFixed(2)}`]
      : []),
  ];
  return [
    `history shards ${result.historyShards}; workflow pollers: ${result.workflowPollers.join(', ')}`,
    formatTable(rows),
    ...ratios,
  ].join('\n');
}
