/**
 * `npm run bench:peak [-- --detections N --updates N --out DIR]`: a peak day through the whole local
 * platform, and the same day through a bare workflow on the same dev server in the same run.
 *
 * 1. The local platform of `npm start` (supervised worker, API, simulators, versitygw, sign-in) starts on
 *    ports of its own with bench/peak/bench-policy.json, every duration compressed so each case closes.
 * 2. The day (bench/peak/day-profile.ts) goes through POST /api/detections/batch as the crawler machine
 *    client, while simulated officers take every case to a verdict through the API and a supervisor
 *    decides platform objections; the platforms comply, ignore (the ladder runs to ST3) or object.
 * 3. The same detections go to the bare workflow (bench/peak/bare/) by signal-with-start.
 * 4. Officer updates are timed at 1 in flight on one case, 1 in flight going round 8 cases, and 8 in
 *    flight, both sides taking turns.
 * 5. History per typical case (a gambling URL the platform takes down at once) is measured on both.
 * Prints the figures side by side with ratios, writes peak-report.json and peak-chart.svg to --out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { ManagedProcess } from '../../local/managed-process';
import { startNodeService } from '../../local/node-service';
import { takedownChildId } from '../../workflows/case/child-ids';
import { bareWorkflowId, runBareDay } from './bare/bare-day';
import { lastBareIntakeCount } from './bare/bare-intake-log';
import { generateDay } from './day-profile';
import { meanHistorySize } from './history-size';
import { PeakArgs, parseFlags } from './peak-args';
import { formatTable, reportRows, type PeakReport } from './peak-report';
import { startPeakSession } from './peak-session';
import { UsageSampler } from './process-usage';
import { runSaringDay } from './saring-day';
import { stopOnSignal } from './stop-on-signal';
import { peakChartSvg } from './svg-chart';
import { measureUpdateLatency } from './update-latency';

const USAGE =
  'usage: npm run bench:peak -- [--detections 14238] [--repeat-share 0.2] [--updates 200] [--timeout-minutes 120] [--out DIR] [--keep true]';
const BARE_QUEUE = 'bare-peak';
const HISTORY_SAMPLE = 20;
const BATCH_LINES = 1_000;

const BATCHES_IN_FLIGHT = 2;
/** The batch route's own limit of detections in flight toward Temporal per request. */
const PER_BATCH_IN_FLIGHT = 16;
const OFFICER_LANES = 8;

/**
 * Lines per batch: up to BATCH_LINES, and small enough that BATCHES_IN_FLIGHT batches are in flight
 * from the start. A day shorter than that in one batch had 16 detections in flight toward Temporal
 * against the bare side's 32, which made Saring's intake look slower than its workflows are.
 */
export function batchLinesFor(detections: number): number {
  return Math.max(1, Math.min(BATCH_LINES, Math.ceil(detections / (BATCHES_IN_FLIGHT * 4))));
}

export interface PeakOutcome {
  report: PeakReport;
  jsonFile: string;
  svgFile: string;
}

export async function runPeak(
  args: PeakArgs,
  say: (line: string) => void = console.log,
): Promise<PeakOutcome> {
  const startedAt = new Date().toISOString();
  const runTag = Date.now().toString(36);
  const session = await startPeakSession({
    workDir: path.resolve(args.out),
    complyAfterMs: 500,
    keep: args.keep === 'true',
    say,
  });
  const { platform, client } = session;
  let bareWorker: ManagedProcess | undefined;
  let bareClient: Client | undefined;
  const samplers: UsageSampler[] = [];
  let shuttingDown: Promise<void> | undefined;
  const shutDown = () =>
    (shuttingDown ??= (async () => {
      samplers.forEach((sampler) => sampler.stop());
      await bareClient?.connection.close();
      await bareWorker?.stop();
      await session.stop();
    })());
  // Installed before the bare worker starts, so that a kill at any point leaves nothing running.
  const uninstall = stopOnSignal('the platform and the bare worker', shutDown, say);
  try {
    bareWorker = await startNodeService({
      name: 'the bare worker',
      entry: 'bench/peak/bare/bare-worker.ts',
      args: [platform.temporalAddress, BARE_QUEUE],
      logFile: path.join(platform.dataDir, 'logs', 'bare-worker.log'),
      readyLine: /bare worker ready/,
    });
    const bareLog = bareWorker.logFile;
    const bareIntakeCount = () => lastBareIntakeCount(bareLog);
    const bareWorkerPid = bareWorker.pid;
    bareClient = new Client({
      connection: await Connection.connect({ address: platform.temporalAddress }),
    });
    const usage = {
      worker: new UsageSampler(() => platform.pidOf('worker')),
      api: new UsageSampler(() => platform.pidOf('api')),
      bareWorker: new UsageSampler(() => bareWorkerPid),
    };
    samplers.push(...Object.values(usage));
    samplers.forEach((sampler) => sampler.start());
    const day = generateDay({
      count: args.detections,
      repeatShare: args.repeatShare,
      seed: args.seed,
      runTag,
      contentBase: platform.simulatorBase,
    });
    const timeoutMs = args.timeoutMinutes * 60_000;
    const batchLines = batchLinesFor(day.length);
    say(
      `\nthe day through Saring: ${day.length} detections in batches of ${batchLines}, ${BATCHES_IN_FLIGHT} in flight`,
    );
    const saringFrom = Date.now();
    const saring = await runSaringDay(platform, client, day, {
      batchLines,
      batchesInFlight: BATCHES_IN_FLIGHT,
      officerLanes: OFFICER_LANES,
      timeoutMs,
      say,
    });
    const saringTo = Date.now();

    say(
      `\nthe same day through the bare workflow: signal-with-start, ${BATCHES_IN_FLIGHT * PER_BATCH_IN_FLIGHT} in flight`,
    );
    const bareFrom = Date.now();
    const bare = await runBareDay(bareClient, day, {
      taskQueue: BARE_QUEUE,
      runTag,
      inFlight: BATCHES_IN_FLIGHT * PER_BATCH_IN_FLIGHT,
      officerLanes: OFFICER_LANES,
      timeoutMs,
      intakeCount: bareIntakeCount,
      say,
    });
    const bareTo = Date.now();

    say(
      '\nofficer updates, 1 at a time (one case; round 8 cases) and 8 at a time, Saring and bare taking turns',
    );
    const { rows: updates, atVerification } = await measureUpdateLatency(platform, client, bareClient, {
      updates: args.updates,
      bareTaskQueue: BARE_QUEUE,
      runTag,
      say,
    });

    say('\nhistory per typical case (gambling, taken down at once)');
    const typical = saring.caseIds
      .filter(
        ({ detection }) =>
          !detection.repeat && detection.answer === 'comply' && detection.category === 'online_gambling',
      )
      .slice(0, HISTORY_SAMPLE);
    const saringHistory = await meanHistorySize(
      client,
      typical.map(({ caseId, detection }) => [
        caseId,
        takedownChildId(caseId, `${detection.line.platform}-1`, 1),
      ]),
    );
    // The same detections' bare workflows.
    const bareHistory = await meanHistorySize(
      bareClient,
      typical.map(({ detection }) => [bareWorkflowId(runTag, detection.line.url)]),
    );

    const worker = usage.worker.summary(saringFrom, saringTo);
    const api = usage.api.summary(saringFrom, saringTo);
    const bareUsage = usage.bareWorker.summary(bareFrom, bareTo);
    const report: PeakReport = {
      startedAt,
      node: process.version,
      detections: day.length,
      repeatShare: args.repeatShare,
      apiPeakRssMiB: api.peakRssMiB,
      apiMeanCores: api.meanCores,
      objectionsResolved: saring.objectionsResolved,
      saring: {
        detectionsPerSecond: saring.accepted / saring.acceptSeconds,
        casesThroughIntakePerSecond: saring.uniqueCases / saring.intakeSeconds,
        casesClosedPerSecond: saring.closed / saring.closeSeconds,
        uniqueCases: saring.uniqueCases,
        closed: saring.closed,
        failed: saring.failed,
        lost: saring.lost,
        history: saringHistory,
        workerPeakRssMiB: worker.peakRssMiB,
        workerMeanCores: worker.meanCores,
        series: saring.series,
      },
      bare: {
        detectionsPerSecond: bare.detections / bare.acceptSeconds,
        casesThroughIntakePerSecond: bare.uniqueCases / bare.intakeSeconds,
        casesClosedPerSecond: bare.closed / bare.closeSeconds,
        uniqueCases: bare.uniqueCases,
        closed: bare.closed,
        failed: bare.failed,
        lost: bare.lost,
        history: bareHistory,
        workerPeakRssMiB: bareUsage.peakRssMiB,
        workerMeanCores: bareUsage.meanCores,
        series: bare.series,
      },
      updates,
      atVerification,
    };
    fs.mkdirSync(args.out, { recursive: true });
    const jsonFile = path.join(args.out, 'peak-report.json');
    const svgFile = path.join(args.out, 'peak-chart.svg');
    fs.writeFileSync(jsonFile, JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(svgFile, peakChartSvg(report));
    say(
      `\nPeak day, ${day.length} detections (${(args.repeatShare * 100).toFixed(0)} % repeats), ${process.version}, ${startedAt}:`,
    );
    say(formatTable(reportRows(report)));
    say(`\nfigures: ${jsonFile}\nchart:   ${svgFile}`);
    return { report, jsonFile, svgFile };
  } finally {
    uninstall();
    await shutDown();
  }
}

if (require.main === module) {
  let args: PeakArgs;
  try {
    args = parseFlags(PeakArgs, process.argv.slice(2), USAGE);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  runPeak(args)
    .then(({ report }) => {
      const lost = report.saring.lost + report.saring.failed + report.bare.lost + report.bare.failed;
      if (lost > 0) {
        console.error(
          `\n${lost} cases failed or were not closed: see the logs under ${args.out}/platform-* (run again with --keep true to keep them)`,
        );
        process.exit(1);
      }
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
