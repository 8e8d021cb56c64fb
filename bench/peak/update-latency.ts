import type { Client } from '@temporalio/client';
import { callApi } from './api-caller';
import { meanHistorySize, type HistorySize } from './history-size';
import type { PeakPlatform } from './peak-platform';
import { BareCaseWorkflow, bareDecideUpdate, bareDetectionSignal } from './bare/bare-workflow';
import { caseUpdates } from '../../workflows/messages';

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

/** How long one call takes, in milliseconds of the high-resolution clock. */
export async function millisOf(call: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await call();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export interface LatencyResult {
  concurrency: number;
  /**
   * Absent: each lane sends its updates to its own case, the next the moment the last is answered (one
   * case worked back to back). A number: the lanes' updates go round that many cases in turn, as an
   * officer working through a queue sends them.
   */
  across?: number;
  saring: Percentiles;
  bare: Percentiles;
  /** Saring's step with `Prefer: return=minimal`: answered once applied, no state read back. */
  saringMinimal?: Percentiles;
  /**
   * The same update sent straight to the case through the Temporal client, as the API sends it once it
   * has checked the officer: the workflow's share of the round trip, without HTTP, sign-in checks and
   * the API's own work. Like bare's, which is sent the same way.
   */
  saringClient?: Percentiles;
}

/** Sends one update to the case (or bare workflow) at `target`. */
type Update = (target: number) => Promise<void>;

/** "1 at a time", "1 at a time over 8 cases": how the report and the chart name a setting. */
export function settingLabel(row: Setting): string {
  return `${row.concurrency} at a time${row.across ? ` over ${row.across} cases` : ''}`;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

type Setting = Pick<LatencyResult, 'concurrency' | 'across'>;

async function timed(update: Update, setting: Setting, count: number): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: setting.concurrency }, async (_, lane) => {
      // Updates to one workflow apply one after another: a lane owns its case, or (across, with no more
      // lanes than cases) the lanes go round the cases in turn.
      while (next < count) {
        const call = next++;
        samples.push(await millisOf(() => update(setting.across ? call % setting.across : lane)));
      }
    }),
  );
  return samples;
}

/**
 * Each target's successive updates alternate between the two (per mode, over the whole measurement),
 * so every Saring update changes the assignee and upserts SaringAssignee, whichever setting sends it.
 */
export const ASSIGNEES = ['siti.verifier', 'budi.verifier'] as const;
/** Who sends the timed `assignVerifier` updates that go through the Temporal client. */
export const SUPERVISOR_ACTOR = { officerId: 'rina.supervisor', role: 'supervisor' } as const;

function alternatingAssignees(send: (target: number, assignee: string) => Promise<void>): Update {
  const turns = new Map<number, number>();
  return (target) => {
    const turn = turns.get(target) ?? 0;
    turns.set(target, turn + 1);
    return send(target, ASSIGNEES[turn % 2]!);
  };
}

const ROUNDS = 4;

/**
 * The settings timed. On one case at 1 in flight the next update is sent the moment the last is
 * answered, and can wait behind the workflow task of the previous assignVerifier's notification (the
 * bare workflow's update schedules nothing). Going round the 8 cases, as an officer works through a
 * queue, leaves each case time between updates, so the two settings side by side show how much that
 * wait costs (runs 16 and 17, docs/performance.md: little; Saring's p50 was the same in both).
 */
const SETTINGS: Setting[] = [{ concurrency: 1 }, { concurrency: 1, across: 8 }, { concurrency: 8 }];

/**
 * Officer update round trips at the SETTINGS, Saring and bare taking turns in rounds so load from
 * outside falls on both alike. Saring: assignVerifier by a supervisor through the API (what an officer
 * waits for, the state read back included), the same with `Prefer: return=minimal`, and the same update
 * through the Temporal client with no API in between, on cases in verification; bare: its update through
 * the Temporal client on workflows past their activities. Every case and workflow is closed afterwards.
 */
export async function measureUpdateLatency(
  platform: PeakPlatform,
  client: Client,
  bareClient: Client,
  options: { updates: number; bareTaskQueue: string; runTag: string; say: (line: string) => void },
): Promise<{ rows: LatencyResult[]; atVerification: { saring: HistorySize; bare: HistorySize } }> {
  const lanesNeeded = Math.max(...SETTINGS.map((setting) => setting.across ?? setting.concurrency));
  const saringCases: string[] = [];
  for (let i = 0; i < lanesNeeded; i += 1) {
    const answer = await callApi({
      method: 'POST',
      url: `${platform.apiUrl}/api/detections`,
      token: () => platform.crawlerToken(),
      json: {
        url: `${platform.simulatorBase}/content/latency-${options.runTag}-${i}`,
        text: 'Slot gacor maxwin, deposit pulsa',
        suggestedCategory: 'online_gambling',
        platform: 'website',
      },
    });
    if (answer.status !== 202)
      throw new Error(`latency case: ${answer.status} ${JSON.stringify(answer.body)}`);
    saringCases.push((answer.body as { caseId: string }).caseId);
  }
  const bareIds = Array.from({ length: lanesNeeded }, (_, i) => `bare-latency-${options.runTag}-${i}`);
  for (const workflowId of bareIds)
    await bareClient.workflow.signalWithStart(BareCaseWorkflow, {
      workflowId,
      taskQueue: options.bareTaskQueue,
      signal: bareDetectionSignal,
      signalArgs: [{ detectionId: workflowId }],
    });
  for (const caseId of saringCases) {
    for (let tries = 0; ; tries += 1) {
      const state = await callApi({
        method: 'GET',
        url: `${platform.apiUrl}/api/cases/${caseId}`,
        token: () => platform.officerToken('rina.supervisor'),
      });
      if (state.status === 200 && (state.body as { stage: string }).stage === 'verification') break;
      if (tries > 600) throw new Error(`${caseId} did not reach verification in 5 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  // History at the point an officer first acts: Saring in verification, bare past its two activities.
  for (const workflowId of bareIds) {
    for (let tries = 0; ; tries += 1) {
      const history = await bareClient.workflow.getHandle(workflowId).fetchHistory();
      const done = (history.events ?? []).filter(
        (event) => event.activityTaskCompletedEventAttributes,
      ).length;
      const last = history.events?.at(-1);
      if (done === 2 && last?.workflowTaskCompletedEventAttributes) break;
      if (tries > 600) throw new Error(`${workflowId} did not pass its activities in 5 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const atVerification = {
    saring: await meanHistorySize(
      client,
      saringCases.map((id) => [id]),
    ),
    bare: await meanHistorySize(
      bareClient,
      bareIds.map((id) => [id]),
    ),
  };

  const saring = alternatingAssignees(async (target, assignee) => {
    const answer = await callApi({
      method: 'POST',
      url: `${platform.apiUrl}/api/cases/${saringCases[target]!}/actions/assignVerifier`,
      token: () => platform.officerToken('rina.supervisor'),
      json: { assignee },
      retryForMs: 0,
    });
    if (answer.status !== 200)
      throw new Error(`assignVerifier: ${answer.status} ${JSON.stringify(answer.body)}`);
  });
  const saringMinimal = alternatingAssignees(async (target, assignee) => {
    const answer = await callApi({
      method: 'POST',
      url: `${platform.apiUrl}/api/cases/${saringCases[target]!}/actions/assignVerifier`,
      token: () => platform.officerToken('rina.supervisor'),
      json: { assignee },
      headers: { prefer: 'return=minimal' },
      retryForMs: 0,
    });
    if (answer.status !== 200)
      throw new Error(`assignVerifier (minimal): ${answer.status} ${JSON.stringify(answer.body)}`);
  });
  const saringClient = alternatingAssignees(async (target, assignee) => {
    await client.workflow.getHandle(saringCases[target]!).executeUpdate(caseUpdates.assignVerifier, {
      args: [{ actor: SUPERVISOR_ACTOR, assignee }],
    });
  });
  const bare = alternatingAssignees(async (target, assignee) => {
    await bareClient.workflow
      .getHandle(bareIds[target]!)
      .executeUpdate(bareDecideUpdate, { args: [{ assignee, final: false }] });
  });

  const results: LatencyResult[] = [];
  const modes = { saring, saringMinimal, saringClient, bare };
  for (const setting of SETTINGS) {
    for (const update of Object.values(modes)) await timed(update, setting, 10);
    const samples = {
      saring: [] as number[],
      saringMinimal: [] as number[],
      saringClient: [] as number[],
      bare: [] as number[],
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = (['saring', 'saringMinimal', 'saringClient', 'bare'] as const).map(
        (_, i, all) => all[(i + round) % all.length]!,
      );
      for (const mode of order)
        samples[mode].push(...(await timed(modes[mode], setting, Math.ceil(options.updates / ROUNDS))));
    }
    const row = {
      ...setting,
      saring: percentiles(samples.saring),
      saringMinimal: percentiles(samples.saringMinimal),
      saringClient: percentiles(samples.saringClient),
      bare: percentiles(samples.bare),
    };
    options.say(
      `  updates ${settingLabel(row)}: saring p50 ${row.saring.p50.toFixed(1)} p99 ${row.saring.p99.toFixed(1)} ms; return=minimal p50 ${row.saringMinimal.p50.toFixed(1)} p99 ${row.saringMinimal.p99.toFixed(1)} ms; Temporal client p50 ${row.saringClient.p50.toFixed(1)} p99 ${row.saringClient.p99.toFixed(1)} ms; bare p50 ${row.bare.p50.toFixed(1)} p99 ${row.bare.p99.toFixed(1)} ms`,
    );
    results.push(row);
  }

  // Close what the measurement opened.
  for (const workflowId of bareIds)
    await bareClient.workflow
      .getHandle(workflowId)
      .executeUpdate(bareDecideUpdate, { args: [{ assignee: 'siti.verifier', final: true }] });
  for (const caseId of saringCases) {
    const answer = await callApi({
      method: 'POST',
      url: `${platform.apiUrl}/api/cases/${caseId}/actions/submitVerdict`,
      token: () => platform.officerToken('rina.supervisor'),
      json: {
        verdict: { kind: 'no_violation', reasons: ['Bench: latency case, closed after the measurement'] },
      },
    });
    if (answer.status !== 200)
      throw new Error(`closing ${caseId}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return { rows: results, atVerification };
}
