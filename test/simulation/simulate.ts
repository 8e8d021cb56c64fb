import type { CasePolicy } from '../../domain';
import { generateScript } from './generator';
import { checkInvariants, type Violation } from './invariants';
import { explainedBy, KNOWN_OPEN_DEFECTS, type KnownOpenDefect } from './known-open-defects';
import { observeCase, type CaseFacts } from './observe';
import { terminalPath } from './paths';
import { runScript, type RunRecord } from './runner';
import type { CaseScript } from './script';
import type { SimHarness } from './sim-harness';

/**
 * Runs seeded scripts, `concurrency` at a time on one harness, and checks the invariants after each.
 * A result keeps the violations split into unexpected ones (the run fails) and those a known-open
 * defect explains.
 */
export interface ScriptResult {
  seed: number;
  script: CaseScript;
  record?: RunRecord;
  cases: CaseFacts[];
  paths: string[];
  unexpected: Violation[];
  known: { defect: KnownOpenDefect; violation: Violation }[];
  ms: number;
  /** The script ran past SCRIPT_LIMIT_MS: something in its lane hangs, so the lane was left. */
  overran: boolean;
  /** Why an earlier run of this script was set aside: its lane's clock ran away (runaway-clock.ts). */
  rerunAfter?: string;
}

/** Real time one script may take (the slowest seen take about 95 s, mostly waiting out leaked locks). */
const SCRIPT_LIMIT_MS = 5 * 60_000;

async function withinLimit<T>(work: Promise<T>, limitMs: number): Promise<T | 'OVERRAN'> {
  let timer: NodeJS.Timeout | undefined;
  const overran = new Promise<'OVERRAN'>((resolve) => {
    timer = setTimeout(() => resolve('OVERRAN'), limitMs);
  });
  try {
    return await Promise.race([work, overran]);
  } finally {
    clearTimeout(timer);
  }
}

export async function simulateSeed(
  seed: number,
  harness: SimHarness,
  policy: CasePolicy,
  scriptFor = generateScript,
): Promise<ScriptResult> {
  const started = Date.now();
  const script = scriptFor(seed, policy);
  let record: RunRecord | undefined;
  const cases: CaseFacts[] = [];
  const violations: Violation[] = [];
  const traceSoFar: string[] = [];
  let overran = false;
  try {
    const run = runScript(script, harness, traceSoFar);
    run.catch(() => undefined);
    const outcome = await withinLimit(run, SCRIPT_LIMIT_MS);
    if (outcome === 'OVERRAN') {
      overran = true;
      throw new Error(
        `the script did not finish within ${SCRIPT_LIMIT_MS / 60_000} min of real time (its lane takes no more scripts); it was at:\n    ${traceSoFar.slice(-5).join('\n    ')}`,
      );
    }
    record = outcome;
    if (record.clockRanAway)
      violations.push({
        invariant: 'no-failed-case',
        message: `the script was stopped: ${record.clockRanAway}`,
      });
    else {
      for (const caseId of record.caseIds) cases.push(await observeCase(harness.client, caseId));
      violations.push(...checkInvariants(record, cases, policy));
    }
  } catch (error) {
    violations.push({
      invariant: 'no-failed-case',
      message: `the script could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    });
  }
  const unexpected: Violation[] = [];
  const known: ScriptResult['known'] = [];
  for (const violation of violations) {
    const defect = record ? explainedBy(violation, record) : undefined;
    if (defect) known.push({ defect, violation });
    else unexpected.push(violation);
  }
  return {
    seed,
    script,
    overran,
    ...(record ? { record } : {}),
    cases,
    paths: cases.map(terminalPath),
    unexpected,
    known,
    ms: Date.now() - started,
  };
}

export interface SimulateOptions {
  onResult?: (result: ScriptResult) => void;
  scriptFor?: typeof generateScript;
  /**
   * Gives a lane a fresh server in place of one whose clock ran away (runaway-clock.ts); the script is
   * then run once more there. Without it such a script fails with the reason.
   */
  replaceLane?: (harness: SimHarness) => Promise<SimHarness>;
}

/**
 * Runs the seeds on the given harnesses (lanes), one script at a time per lane: a time-skipping
 * server's clock is global, and concurrent sleeps on one server are served one after the other, so
 * scripts sharing a server would move each other's time (and four or more at once were seen to
 * stall). One server per lane keeps each script's clock its own, as when its seed is replayed alone.
 */
export async function simulateSeeds(
  seeds: number[],
  lanes: SimHarness[],
  policy: CasePolicy,
  { onResult, scriptFor = generateScript, replaceLane }: SimulateOptions = {},
): Promise<ScriptResult[]> {
  const results: ScriptResult[] = [];
  let next = 0;
  const lane = async (start: SimHarness) => {
    let harness = start;
    while (next < seeds.length) {
      const seed = seeds[next++]!;
      let result = await simulateSeed(seed, harness, policy, scriptFor);
      const ranAway = result.record?.clockRanAway;
      if (ranAway && replaceLane) {
        harness = await replaceLane(harness);
        result = { ...(await simulateSeed(seed, harness, policy, scriptFor)), rerunAfter: ranAway };
      }
      results.push(result);
      onResult?.(result);
      // A hung script still holds its lane's server and clock: a later script there would not be alone.
      if (result.overran) return;
      if (result.record?.clockRanAway) {
        // Its clock runs free: a later script there would prove nothing.
        if (!replaceLane) return;
        harness = await replaceLane(harness);
      }
    }
  };
  await Promise.all(lanes.map(lane));
  // Every lane hung (or lost its clock): the seeds left were never run, and say so rather than pass unseen.
  for (const seed of seeds.slice(next)) {
    const script = scriptFor(seed, policy);
    results.push({
      seed,
      script,
      cases: [],
      paths: [],
      unexpected: [
        {
          invariant: 'no-failed-case',
          message: 'not run: every lane hung (or lost its clock) on an earlier script',
        },
      ],
      known: [],
      ms: 0,
      overran: false,
    });
  }
  return results.sort((a, b) => a.seed - b.seed);
}

/** How to read and replay one failing script. */
export function describeFailure(result: ScriptResult): string {
  return [
    `seed ${result.seed}: ${result.unexpected.length} invariant violation(s)`,
    ...result.unexpected.map((violation) => `  [${violation.invariant}] ${violation.message}`),
    `  replay: SARING_SIM_SEED=${result.seed} npx jest --selectProjects simulation test/simulation`,
    `  script: ${JSON.stringify(result.script)}`,
    `  trace:\n    ${(result.record?.trace ?? []).join('\n    ')}`,
  ].join('\n');
}

/** One summary for a batch: counts, wall time, invariant and path tallies, known-open defects. */
export function summarize(results: ScriptResult[], wallMs: number): string {
  const paths = new Map<string, number>();
  for (const path of results.flatMap((result) => result.paths)) paths.set(path, (paths.get(path) ?? 0) + 1);
  const known = new Map<string, { issueItem: string; seeds: number[]; example: string }>();
  for (const result of results) {
    for (const { defect, violation } of result.known) {
      const entry = known.get(defect.id) ?? {
        issueItem: defect.issueItem,
        seeds: [],
        example: `[${violation.invariant}] ${violation.message}`,
      };
      if (!entry.seeds.includes(result.seed)) entry.seeds.push(result.seed);
      known.set(defect.id, entry);
    }
  }
  const failing = results.filter((result) => result.unexpected.length > 0);
  const skipped = new Map<string, number>();
  for (const entry of results.flatMap((result) => result.record?.skipped ?? []))
    skipped.set(entry.defect, (skipped.get(entry.defect) ?? 0) + 1);
  const released = results.filter((result) => (result.record?.lockReleases ?? 0) > 0);
  const rerun = results.filter((result) => result.rerunAfter);
  return [
    `simulator: ${results.length} scripts, ${results.reduce((sum, result) => sum + result.cases.length, 0)} cases in ${(wallMs / 1000).toFixed(1)} s; ${failing.length} with unexpected violations`,
    `time-skipping locks the server kept, released so the lane went on (time-skipping-locks.ts): ${released.reduce((sum, result) => sum + result.record!.lockReleases, 0)} in ${released.length} script(s)${released.length > 0 ? `, seeds ${released.map((result) => result.seed).join(' ')}` : ''}`,
    `clocks that ran away (runaway-clock.ts), the script run again on a fresh server: ${rerun.length}${rerun.length > 0 ? `, seeds ${rerun.map((result) => result.seed).join(' ')}` : ''}`,
    `clock steps lengthened so a timer due just after them fired first (timer-guard.ts): ${results.reduce((sum, result) => sum + (result.record?.timerGuardSteps ?? 0), 0)}`,
    `terminal paths reached (${paths.size}):`,
    ...[...paths.entries()].sort().map(([path, count]) => `  ${String(count).padStart(4)}  ${path}`),
    `known-open defects (explained, not failing; steps left out): ${KNOWN_OPEN_DEFECTS.length === 0 ? 'none' : ''}`,
    ...[...known.entries()].map(
      ([id, entry]) =>
        `  ${id} (issue 9 ${entry.issueItem}): ${entry.seeds.length} script(s), e.g. seed ${entry.seeds[0]}: ${entry.example.slice(0, 300)}`,
    ),
    ...[...skipped.entries()].map(
      ([id, count]) => `  ${id}: ${count} step(s) LEFT OUT of the scripts while this defect is open`,
    ),
    ...KNOWN_OPEN_DEFECTS.filter((defect) => !known.has(defect.id) && !skipped.has(defect.id)).map(
      (defect) => `  ${defect.id}: matched nothing in this run (fixed? remove it from known-open-defects.ts)`,
    ),
  ].join('\n');
}
