/**
 * `npm run chaos [-- --faults worker-kill,smtp-down --detections 200]`: the peak profile at a smaller
 * size, once per fault, each on a fresh local platform (bench/peak/peak-session.ts), with the fault
 * injected at its moment of the day (bench/peak/chaos/faults.ts). In every run: no case failed or
 * lost, no outward write acted on twice (the simulators count request ids), and every notification
 * delivered by webhook also delivered by mail in the end. Prints a table of fault against outcome and
 * writes chaos-report.json; exits 1 when any run breaks an invariant.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../../../toolchain/paths';
import { generateDay } from '../day-profile';
import { parseFlags } from '../peak-args';
import { formatTable } from '../peak-report';
import { startPeakSession } from '../peak-session';
import { runSaringDay } from '../saring-day';
import { armFault, FaultName, FAULT_NAMES } from './faults';
import { checkOutward, type OutwardCheck } from './outward-invariants';

const USAGE = `usage: npm run chaos -- [--faults ${FAULT_NAMES.join(',')}] [--detections 200] [--outage-seconds 60] [--platform-outage-seconds 120] [--timeout-minutes 30] [--out DIR]`;

export const ChaosArgs = z.strictObject({
  faults: z
    .string()
    .default(FAULT_NAMES.join(','))
    .transform((text) => text.split(',').map((part) => part.trim()))
    .pipe(z.array(FaultName).min(1)),
  detections: z.coerce.number().int().min(20).max(20_000).default(200),
  outageSeconds: z.coerce.number().int().min(1).max(3_600).default(60),
  /** The 10 minutes of platform 500s, compressed with the bench policy (compliance deadline 60 s). */
  platformOutageSeconds: z.coerce.number().int().min(1).max(3_600).default(120),
  timeoutMinutes: z.coerce.number().positive().max(600).default(30),
  out: z
    .string()
    .min(1)
    .default(path.join(DATA_DIR, 'bench', 'chaos')),
});
export type ChaosArgs = z.infer<typeof ChaosArgs>;

export interface ChaosRow {
  fault: FaultName;
  injected: string[];
  uniqueCases: number;
  closed: number;
  failed: number;
  lost: number;
  workerRestarts: number;
  /** Dev server starts by the supervisor: after the SIGTERM, and whenever its database wedged. */
  devServerRestarts: number;
  outward: OutwardCheck;
  seconds: number;
  ok: boolean;
}

async function settleMail(
  check: () => Promise<OutwardCheck>,
  say: (line: string) => void,
): Promise<OutwardCheck> {
  // The last cases' notifications may still be on their way (retried after an SMTP outage).
  const deadline = Date.now() + 180_000;
  for (;;) {
    const result = await check();
    if (result.mailsMissing.length === 0 || Date.now() > deadline) return result;
    say(`  waiting for ${result.mailsMissing.length} notification mail(s) still being retried...`);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

export async function runChaos(
  args: ChaosArgs,
  say: (line: string) => void = console.log,
): Promise<ChaosRow[]> {
  const rows: ChaosRow[] = [];
  for (const fault of args.faults) {
    say(`\n=== chaos run: ${fault}, ${args.detections} detections ===`);
    const started = Date.now();
    const session = await startPeakSession({
      workDir: path.resolve(args.out),
      complyAfterMs: 500,
      keep: false,
      say,
    });
    const armed = armFault(
      fault,
      session.platform,
      { outageMs: args.outageSeconds * 1000, platformOutageMs: args.platformOutageSeconds * 1000 },
      say,
    );
    try {
      const day = generateDay({
        count: args.detections,
        repeatShare: 0.2,
        seed: 9,
        runTag: `${fault}-${Date.now().toString(36)}`,
        contentBase: session.platform.simulatorBase,
      });
      const result = await runSaringDay(session.platform, session.client, day, {
        batchLines: 100,
        batchesInFlight: 2,
        officerLanes: 8,
        timeoutMs: args.timeoutMinutes * 60_000,
        say,
        onTick: (progress) => armed.tick(progress),
      });
      const outward = await settleMail(() => checkOutward(session.platform), say);
      const row: ChaosRow = {
        fault,
        injected: armed.injected,
        uniqueCases: result.uniqueCases,
        closed: result.closed,
        failed: result.failed,
        lost: result.lost,
        workerRestarts: (session.platform.output().match(/worker is back/g) ?? []).length,
        devServerRestarts: (session.platform.output().match(/temporal is back/g) ?? []).length,
        outward,
        seconds: (Date.now() - started) / 1000,
        ok:
          armed.injected.length > 0 &&
          result.failed === 0 &&
          result.lost === 0 &&
          outward.duplicates.length === 0 &&
          outward.mailsMissing.length === 0,
      };
      rows.push(row);
      say(
        `  ${row.ok ? 'held' : 'BROKEN'}: ${JSON.stringify({ ...row, outward: { ...outward, mailsMissing: outward.mailsMissing.length } })}`,
      );
    } finally {
      await session.stop();
      await armed.done();
    }
  }
  return rows;
}

export function chaosTable(rows: ChaosRow[]): string {
  return formatTable([
    [
      'fault',
      'injections',
      'cases',
      'closed',
      'failed',
      'lost',
      'duplicate writes',
      'mail missing',
      'replays',
      'worker restarts',
      'dev server restarts',
      'outcome',
    ],
    ...rows.map((row) => [
      row.fault,
      String(row.injected.length),
      String(row.uniqueCases),
      String(row.closed),
      String(row.failed),
      String(row.lost),
      String(row.outward.duplicates.length),
      String(row.outward.mailsMissing.length),
      String(row.outward.replays),
      String(row.workerRestarts),
      String(row.devServerRestarts),
      row.ok ? 'held' : 'BROKEN',
    ]),
  ]);
}

if (require.main === module) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let args: ChaosArgs;
  try {
    args = parseFlags(ChaosArgs, process.argv.slice(2), USAGE);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  runChaos(args)
    .then((rows) => {
      console.log(`\nChaos, ${args.detections} detections per run, ${new Date().toISOString()}:`);
      console.log(chaosTable(rows));
      fs.mkdirSync(args.out, { recursive: true });
      const file = path.join(args.out, 'chaos-report.json');
      fs.writeFileSync(file, JSON.stringify(rows, null, 2) + '\n');
      console.log(`\nfigures: ${file}`);
      if (rows.some((row) => !row.ok)) {
        console.error(
          'An invariant broke: see the row above; run the fault alone with --faults <name> and read the logs the run printed.',
        );
        process.exit(1);
      }
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
