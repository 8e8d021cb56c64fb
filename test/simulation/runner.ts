import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { CaseActivities } from '../../activities/contract';
import { canonicalizeUrl } from '../../lib/url/canonicalize';
import {
  durationMs,
  type Actor,
  type CaseState,
  type CaseUpdateName,
  type DetectionInput,
} from '../../domain';
import { CaseClient } from '../../cases/case-client';
import { caseBaseId } from '../../cases/case-id';
import { caseQueries, caseSignals, caseUpdates } from '../../workflows/messages';
import { officers } from '../support/case-test-kit';
import { skippedBy } from './known-open-defects';
import { childWorkflowIds, workflowTaskFailures } from './task-failures';
import { dumpHistories } from './dump-histories';
import { moveClockPastLeaks } from './clock-mover';
import { ClockRanAwayError, RunawayClockWatch } from './runaway-clock';
import { waitUntilChildrenIdle } from '../support/children-idle';
import { CaseTimers, GUARD_MARGIN_MS, MAX_GUARD_STEPS } from '../support/timer-guard';
import { ScriptedActivities } from '../support/scripted-activities';
import type { SimHarness } from './sim-harness';
import type { AwaitTarget, CaseScript, OfficerKey, Step } from './script';

/**
 * Runs one script against real workflow code: the first detection through the real intake path
 * (signalWithStart), then each step in order, then a finale that brings every case the script opened
 * to an end (completing what is open, or withdrawing it). Records what the invariants need: every
 * accepted officer step with its update id and server time, refusals, retries that changed their
 * answer, and the activity calls (in the scripted world).
 */
export interface AcceptedUpdate {
  caseId: string;
  name: CaseUpdateName;
  actor: Actor;
  payload: Record<string, unknown>;
  updateId: string;
  atMs: number;
}

export interface RunRecord {
  script: CaseScript;
  caseIds: string[];
  accepted: AcceptedUpdate[];
  refused: { caseId: string; name: CaseUpdateName; code: string }[];
  /** A retry with the same update id got another answer than the first call. */
  retryMismatches: string[];
  /** Cases that did not close within the real-time limit. */
  notClosed: string[];
  /** The script itself could not go on (lost connection, unexpected client error). */
  errors: string[];
  /** Officer steps that got no answer: the case is stuck (terminated by the runner, so the lane goes on). */
  stuck: string[];
  /** Steps left out because a known-open defect would stall the server (known-open-defects.ts). */
  skipped: { defect: string; step: string }[];
  world: ScriptedActivities;
  trace: string[];
  /** Locks the time-skipping server kept on its clock, released so the script could go on. */
  lockReleases: number;
  /** Clock steps lengthened so a timer falling due just after them fired first (timer-guard.ts). */
  timerGuardSteps: number;
  /** The lane's clock moved by itself (runaway-clock.ts): the script was stopped, its cases prove nothing. */
  clockRanAway?: string;
}

const OPEN_STAGES = ['verification', 'action', 'monitoring'];
const UPDATE_TIMEOUT_MS = 20_000;
const ADVANCE_TIMEOUT_MS = 45_000;
const READ_DEADLINE_MS = 20_000;
/**
 * Steps that cancel the case's children wait (this long at most) until no child activity is in
 * flight: the time-skipping server loses one whose completion races the cancellation (soak seeds
 * 3072 and 4255; children-idle.ts).
 */
const CANCELS_CHILDREN: CaseUpdateName[] = ['closeMonitoring', 'approveWithdrawal'];
const CHILDREN_IDLE_WAIT_MS = 10_000;
/** Real time a case whose closeMonitoring was accepted gets to close before the clock is moved. */
const CLOSING_WAIT_MS = 10_000;
let updateSeq = 0;

/** `traceLines` receives the trace as it happens (the watchdog reports where an overrunning script was). */
export async function runScript(
  script: CaseScript,
  harness: SimHarness,
  traceLines: string[] = [],
): Promise<RunRecord> {
  const { client, policy } = harness;
  const terminate = async (caseId: string) => {
    const ids = new Set([caseId, ...record.caseIds].filter((id) => id !== ''));
    for (const id of ids) {
      for (const failure of await workflowTaskFailures(client, id)) record.stuck.push(`${id}: ${failure}`);
    }
    // Its children too: children outlive their case (ABANDON), and one left running on this lane's
    // server would keep the clock of every later script there stopped.
    const children = (await Promise.all([...ids].map((id) => childWorkflowIds(client, id)))).flat();
    await dumpHistories(client, script.seed, [...ids, ...children]);
    for (const id of [...ids, ...children]) {
      await client.workflow
        .getHandle(id)
        .terminate('case simulator: the case stopped answering')
        .catch(() => undefined);
    }
  };
  /** Every workflow of the script: its cases and their children (which outlive a case). */
  const anyRunning = async () => {
    const ids = record.caseIds.filter((id) => id !== '');
    const children = (await Promise.all(ids.map((id) => childWorkflowIds(client, id)))).flat();
    for (const id of [...ids, ...children]) {
      // Unsure counts as running: releasing a lock that work in flight holds would unbalance the clock.
      const status = await withinDeadline(() => handle(id).describe()).then(
        (description) => description.status.name,
        (error: unknown) => (error instanceof WorkflowNotFoundError ? 'NOT_FOUND' : 'UNKNOWN'),
      );
      if (status === 'RUNNING' || status === 'UNKNOWN') return true;
    }
    return false;
  };
  /** One clock step; a clock that stands still gets leaked locks released, then the case counts as stuck. */
  const moveClockOrGiveUp = async (ms: number) => {
    if (process.env.SARING_SIM_TRACE === '1') console.log(`seed ${script.seed} advancing ${ms / 3_600_000}h`);
    const step = Math.min(ms, harness.maxStepMs ?? Infinity);
    const limitMs = Math.max(ADVANCE_TIMEOUT_MS, harness.maxStepMs ? 2 * step : 0);
    const move = await runaway.move(step, () =>
      moveClockPastLeaks(step, limitMs, {
        clock: harness.clock,
        anyRunning,
        stillFailing: async () =>
          record.caseIds.length > 0 &&
          (await workflowTaskFailures(client, record.caseIds[0]!, { stillFailing: true })).length > 0,
        trace,
      }),
    );
    record.lockReleases += move.lockReleases;
    if (move.moved) return;
    // A time-skipping clock stands still while a workflow task keeps failing: end the script's cases.
    record.stuck.push(
      `${record.caseIds[0] ?? '?'}: the clock did not move on within ${limitMs / 1000} s (a workflow task failing?)`,
    );
    await terminate(record.caseIds[0] ?? '');
    throw new Error('the clock stopped: a case is stuck');
  };
  const timers = new CaseTimers(client);
  /** Fires a timer of the script that falls due just after the clock stopped, before the script acts on. */
  const fireTimersDueSoon = async () => {
    const guardMs = harness.timerGuardMs;
    if (!guardMs) return;
    for (let round = 0; round < MAX_GUARD_STEPS; round += 1) {
      const nowMs = await harness.clock.nowMs();
      const dueMs = await timers.nextDueAtOrAfter(record.caseIds, nowMs);
      if (process.env.SARING_SIM_TRACE === '1')
        console.log(
          `seed ${script.seed} next timer due in ${dueMs === undefined ? 'none' : `${(dueMs - nowMs) / 1000} s`}`,
        );
      if (dueMs === undefined || dueMs - nowMs > guardMs) return;
      record.timerGuardSteps += 1;
      await moveClockOrGiveUp(dueMs - nowMs + GUARD_MARGIN_MS);
    }
  };
  const clock = {
    nowMs: () => harness.clock.nowMs(),
    advance: async (ms: number) => {
      await moveClockOrGiveUp(ms);
      await fireTimersDueSoon();
    },
  };
  const cases = new CaseClient(client, { taskQueue: harness.taskQueue, policy });
  const startMs = await clock.nowMs();
  const runaway = new RunawayClockWatch(startMs);
  // Outage windows (server time) per activity: an attempt scheduled inside one fails, retryably.
  const outages = new Map<keyof CaseActivities, { fromMs: number; toMs: number }[]>();
  const addOutage = (activity: keyof CaseActivities, fromMs: number, toMs: number) => {
    outages.set(activity, [...(outages.get(activity) ?? []), { fromMs, toMs }]);
    world.script.fail = {
      ...world.script.fail,
      [activity]: ({ atMs }: { atMs: number }) =>
        (outages.get(activity) ?? []).some((window) => atMs >= window.fromMs && atMs < window.toMs),
    };
  };
  const world = new ScriptedActivities({
    classification: script.world.classification,
    platforms: script.world.platforms,
  });
  for (const outage of script.world.outages)
    addOutage(outage.activity, startMs + outage.fromHours * 3_600_000, startMs + outage.toHours * 3_600_000);
  const record: RunRecord = {
    script,
    caseIds: [],
    accepted: [],
    refused: [],
    retryMismatches: [],
    notClosed: [],
    errors: [],
    stuck: [],
    skipped: [],
    world,
    trace: traceLines,
    lockReleases: 0,
    timerGuardSteps: 0,
  };
  const realStart = Date.now();
  /** Every step ends in a trace line, so this is also where a clock that ran away is noticed (and the script stopped). */
  const trace = async (line: string) => {
    const nowMs = await clock.nowMs();
    const entry = `[+${((nowMs - startMs) / 3_600_000).toFixed(2)}h, ${((Date.now() - realStart) / 1000).toFixed(1)} s] ${line}`;
    record.trace.push(entry);
    if (process.env.SARING_SIM_TRACE === '1') console.log(`seed ${script.seed} ${entry}`);
    runaway.look(nowMs);
  };
  const canonicalUrl = script.content.url ? canonicalizeUrl(script.content.url).url : undefined;
  const baseId = caseBaseId({
    canonicalUrl,
    contentSha256: script.content.contentSha256,
    text: script.content.text,
  });
  harness.worlds.register(baseId, world);

  let detectionSeq = 0;
  const detection = (source = script.content.source): DetectionInput => {
    detectionSeq += 1;
    return {
      source,
      reportedBy:
        source === 'officer'
          ? officers.verifier.officerId
          : source === 'public_complaint'
            ? 'public'
            : 'ais-crawler',
      observedAt: new Date(Date.UTC(2025, 10, 20, 1, 0, 0, detectionSeq)).toISOString(),
      region: 'banjarmasin',
      ...(script.content.url ? { url: script.content.url } : {}),
      ...(script.content.text ? { text: script.content.text } : {}),
      ...(script.content.contentSha256 ? { contentSha256: script.content.contentSha256 } : {}),
      ...(script.content.suggestedCategory ? { suggestedCategory: script.content.suggestedCategory } : {}),
      ...(source === 'officer' ? { officerId: officers.verifier.officerId } : {}),
    };
  };

  const handle = (caseId: string) => client.workflow.getHandle(caseId);
  // Reads get a deadline: the test server holds a query until a worker answers it, without limit.
  const withinDeadline = <T>(read: () => Promise<T>) =>
    client.withDeadline(Date.now() + READ_DEADLINE_MS, read);
  const queryState = async (caseId: string): Promise<CaseState | undefined> => {
    try {
      return await withinDeadline(() => handle(caseId).query(caseQueries.state));
    } catch {
      return undefined;
    }
  };
  const isRunning = async (caseId: string) => {
    try {
      return (await withinDeadline(() => handle(caseId).describe())).status.name === 'RUNNING';
    } catch {
      return false;
    }
  };

  const sendOnce = async (
    caseId: string,
    name: CaseUpdateName,
    payload: Record<string, unknown>,
    updateId: string,
  ): Promise<string> => {
    if (record.stuck.some((line) => line.startsWith(`${caseId}:`))) return 'STUCK';
    let timer: NodeJS.Timeout | undefined;
    try {
      const update = handle(caseId).executeUpdate(
        caseUpdates[name] as unknown as (typeof caseUpdates)['closeMonitoring'],
        {
          args: [payload as never],
          updateId,
        },
      );
      // An update that never completes means the case is stuck (e.g. its workflow task keeps failing).
      const timedOut = new Promise<'TIMEOUT'>((resolve) => {
        timer = setTimeout(() => resolve('TIMEOUT'), UPDATE_TIMEOUT_MS);
      });
      update.catch(() => undefined);
      if ((await Promise.race([update.then(() => 'ACCEPTED' as const), timedOut])) === 'TIMEOUT') {
        record.stuck.push(
          `${caseId}: ${name} ${updateId} got no answer within ${UPDATE_TIMEOUT_MS / 1000} s`,
        );
        // A stuck workflow task also stops a time-skipping server's clock: end it so the lane goes on.
        await terminate(caseId);
        return 'TIMEOUT';
      }
      return 'ACCEPTED';
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure)
        return error.cause.type ?? 'FAILED';
      if (error instanceof WorkflowNotFoundError) return 'CLOSED';
      return `ERROR ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`;
    } finally {
      clearTimeout(timer);
    }
  };

  const send = async (
    caseId: string,
    name: CaseUpdateName,
    actorKey: OfficerKey,
    payload: Record<string, unknown>,
    updateId: string,
  ) => {
    const answer = await sendOnce(caseId, name, payload, updateId);
    await trace(`${name} by ${actorKey} (${updateId}): ${answer}`);
    if (answer === 'ACCEPTED') {
      if (!record.accepted.some((accepted) => accepted.updateId === updateId)) {
        record.accepted.push({
          caseId,
          name,
          actor: officers[actorKey],
          payload,
          updateId,
          atMs: await clock.nowMs(),
        });
      }
    } else {
      record.refused.push({ caseId, name, code: answer });
    }
    return answer;
  };

  const payloadFor = (
    step: Extract<Step, { op: 'update' }>,
    state: CaseState | undefined,
    copy: number,
  ): Record<string, unknown> => {
    const actor = officers[step.actor];
    const args = step.args;
    const kind = (args.kind as 'clarification' | 'response' | undefined) ?? 'clarification';
    const currentRevision = state?.tracks[kind]?.draft?.revision ?? 1;
    let payload: Record<string, unknown>;
    switch (step.name) {
      case 'assignVerifier':
        payload = { actor, assignee: officers[args.assignee as OfficerKey].officerId };
        break;
      case 'submitVerdict': {
        const verdict = args.verdict as { kind: string };
        const other =
          verdict.kind === 'no_violation'
            ? {
                kind: 'hoax',
                label: 'HOAKS',
                reasons: ['a second opinion, sent at once'],
                publicResponse: false,
              }
            : { kind: 'no_violation', reasons: ['a second opinion, sent at once'] };
        payload = { actor, verdict: copy === 0 ? verdict : other };
        break;
      }
      case 'draftStatement':
        payload = {
          actor,
          kind,
          title: `${kind === 'clarification' ? '[HOAKS] ' : ''}Klarifikasi kasus ${script.seed} (${copy})`,
          body: `Informasi tersebut tidak benar. Saring sebelum sharing. (${step.actor}, ${copy})`,
          pillar: 'digital_culture',
          channels: ['website', 'instagram'],
        };
        break;
      case 'approveStatement':
      case 'rejectStatement':
        payload = {
          actor,
          kind,
          revision:
            args.revision === 'stale'
              ? currentRevision > 1
                ? currentRevision - 1
                : currentRevision + 1
              : currentRevision,
          ...(step.name === 'rejectStatement' ? { reason: args.reason ?? 'perlu perbaikan' } : {}),
        };
        break;
      case 'resolveObjection': {
        const objected =
          state?.tracks.takedowns.find((track) => track.status === 'objected') ?? state?.tracks.takedowns[0];
        payload = {
          actor,
          takedownKey: args.takedownKey === 'objected' ? (objected?.key ?? 'website-1') : args.takedownKey,
          decision: args.decision,
          reason: args.reason,
        };
        break;
      }
      default:
        payload = { actor, ...args };
    }
    return step.invalid ? { ...payload, unexpectedField: true } : payload;
  };

  const runUpdate = async (caseId: string, step: Extract<Step, { op: 'update' }>) => {
    const state = await queryState(caseId);
    const skippedFor = skippedBy(step.name, state);
    if (skippedFor) {
      record.skipped.push({ defect: skippedFor.id, step: `${step.name} by ${step.actor}` });
      await trace(`${step.name} by ${step.actor}: left out (known-open defect ${skippedFor.id})`);
      return;
    }
    if (CANCELS_CHILDREN.includes(step.name)) {
      await waitUntilChildrenIdle(client, caseId, CHILDREN_IDLE_WAIT_MS).catch((error: unknown) =>
        trace(`${step.name}: sent anyway, ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    updateSeq += 1;
    const id = `sim-${script.seed}-${updateSeq}`;
    const first = payloadFor(step, state, 0);
    switch (step.mode) {
      case 'single':
        await send(caseId, step.name, step.actor, first, id);
        break;
      case 'retry': {
        const answer = await send(caseId, step.name, step.actor, first, id);
        const again = await send(caseId, step.name, step.actor, first, id);
        if (answer === 'ACCEPTED' && again !== 'ACCEPTED' && again !== 'CLOSED') {
          record.retryMismatches.push(
            `${step.name} ${id} on ${caseId}: accepted, then its retry with the same update id got ${again}`,
          );
        }
        break;
      }
      case 'double':
        await send(caseId, step.name, step.actor, first, id);
        await send(caseId, step.name, step.actor, payloadFor(step, await queryState(caseId), 1), `${id}-b`);
        break;
      case 'concurrent':
        await Promise.all(
          Array.from({ length: step.copies ?? 2 }, (_, copy) =>
            send(caseId, step.name, step.actor, payloadFor(step, state, copy), `${id}-c${copy}`),
          ),
        );
        break;
    }
  };

  const reached = (target: AwaitTarget, state: CaseState): boolean => {
    switch (target) {
      case 'verification':
        return state.stage !== 'intake';
      case 'action':
        return state.stage !== 'intake' && state.stage !== 'verification';
      case 'monitoring':
        return state.stage === 'monitoring';
      case 'clarification_drafting':
        return state.tracks.clarification?.status === 'drafting';
      case 'response_drafting':
        return state.tracks.response?.status === 'drafting';
      case 'statement_awaiting_approval':
        return [state.tracks.clarification, state.tracks.response].some(
          (track) => track?.status === 'awaiting_approval',
        );
      case 'police_awaiting_acknowledgment':
        return state.tracks.police?.status === 'awaiting_acknowledgment';
      case 'police_awaiting_report':
        return state.tracks.police?.status === 'awaiting_report';
      case 'takedown_objected':
        return state.tracks.takedowns.some((track) => track.status === 'objected');
      case 'closed':
        return false;
    }
  };

  const awaitTarget = async (
    caseId: string,
    target: AwaitTarget,
    maxWantedMs: number,
    stepMs: number,
  ): Promise<boolean> => {
    const maxMs = Math.min(maxWantedMs, 4 * (harness.maxStepMs ?? Infinity));
    let advanced = 0;
    for (;;) {
      // The first look waits for activities in real time; after a clock step the case has caught up
      // (a query is answered after the workflow tasks the step caused), so one look is enough.
      const until = Date.now() + (advanced === 0 ? 2_000 : 0);
      do {
        if (!(await isRunning(caseId))) return target === 'closed';
        const state = await queryState(caseId);
        if (state && reached(target, state)) return true;
        if (Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 30));
      } while (Date.now() < until);
      if (advanced >= maxMs || stepMs <= 0) return false;
      await clock.advance(stepMs);
      advanced += stepMs;
    }
  };

  const runStep = async (caseId: string, step: Step) => {
    switch (step.op) {
      case 'detect': {
        const send = () => cases.submitDetection(detection(step.source));
        if (step.concurrent) await Promise.all(Array.from({ length: step.count }, send));
        else for (let index = 0; index < step.count; index += 1) await send();
        await trace(`${step.count} repeat detections${step.concurrent ? ' at once' : ''}`);
        return;
      }
      case 'advance':
        await clock.advance(step.ms);
        await trace(`advanced ${step.ms / 3_600_000}h (${step.why})`);
        return;
      case 'advanceToMonitoringCheck': {
        const state = await queryState(caseId);
        if (!state?.monitoring) return;
        const target =
          Date.parse(state.monitoring.startedAt) +
          step.checks * durationMs(policy.monitoring.checkInterval) +
          step.offsetMs;
        const wait = target - (await clock.nowMs());
        if (wait > 0) await clock.advance(wait);
        await trace(
          `advanced to monitoring check ${step.checks} ${step.offsetMs >= 0 ? '+' : ''}${step.offsetMs / 60_000} min`,
        );
        return;
      }
      case 'await': {
        const ok = await awaitTarget(caseId, step.target, step.maxMs, step.stepMs);
        await trace(`await ${step.target}: ${ok ? 'reached' : 'not reached'}`);
        return;
      }
      case 'update':
        await runUpdate(caseId, step);
        return;
      case 'notes': {
        const text = `Catatan ${'lorem ipsum '.repeat(Math.ceil(step.length / 12))}`.slice(0, step.length);
        for (let index = 0; index < step.count; index += 1) {
          await handle(caseId)
            .signal(caseSignals.addNote, { actor: officers[step.actor], text: `${index} ${text}` })
            .catch(() => undefined);
        }
        await trace(`${step.count} notes of ${step.length} characters`);
        return;
      }
      case 'outage': {
        const now = await clock.nowMs();
        addOutage(step.activity, now, now + step.ms);
        await trace(`${step.activity} unavailable for ${step.ms / 3_600_000}h`);
        return;
      }
      case 'reupload': {
        const state = await queryState(caseId);
        for (const track of state?.tracks.takedowns ?? []) world.reupload(track.url);
        if (step.detect) await cases.submitDetection(detection('crawler')).catch(() => undefined);
        await trace(`re-upload${step.detect ? ' (detected again)' : ''}`);
        return;
      }
    }
  };

  try {
    await play();
  } catch (error) {
    if (error instanceof ClockRanAwayError) {
      record.clockRanAway = error.message;
      return record;
    }
    record.errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  // SARING_SIM_DUMP_ALL=1 (with SARING_SIM_DUMP_DIR): every script's histories, to read an invariant failure.
  if (process.env.SARING_SIM_DUMP_ALL === '1') {
    const ids = record.caseIds.filter((id) => id !== '');
    const children = (await Promise.all(ids.map((id) => childWorkflowIds(client, id)))).flat();
    await dumpHistories(client, script.seed, [...ids, ...children]);
  }
  return record;

  async function play(): Promise<void> {
    // --- the script ---------------------------------------------------------------------------
    const first = await cases.submitDetection(detection());
    record.caseIds.push(first.caseId);
    await trace(`case ${first.caseId} opened by a ${script.content.shape} detection`);
    for (const step of script.steps) {
      if (!(await isRunning(first.caseId)) && step.op !== 'advance') continue;
      await runStep(first.caseId, step);
    }

    // --- the finale -----------------------------------------------------------------------------
    const poll = durationMs(policy.takedown.statusPollInterval);
    const closeAccepted = (caseId: string) =>
      record.accepted.some((accepted) => accepted.caseId === caseId && accepted.name === 'closeMonitoring');
    const other = (key: OfficerKey): OfficerKey => (key === 'supervisor' ? 'supervisor2' : 'supervisor');
    const keyOf = (actor: Actor | undefined): OfficerKey | undefined =>
      (Object.keys(officers) as OfficerKey[]).find((key) => officers[key].officerId === actor?.officerId);
    const single = (
      name: CaseUpdateName,
      actor: OfficerKey,
      args: Record<string, unknown> = {},
    ): Extract<Step, { op: 'update' }> => ({ op: 'update', name, actor, args, mode: 'single' });

    const withdraw = async (caseId: string, state: CaseState): Promise<boolean> => {
      if (!OPEN_STAGES.includes(state.stage)) return false;
      if (state.withdrawal?.approvedBy) return true;
      if (!state.withdrawal)
        await runUpdate(
          caseId,
          single('requestWithdrawal', 'supervisor', { reason: 'finale: the script ends the case' }),
        );
      const requester = keyOf((await queryState(caseId))?.withdrawal?.requestedBy) ?? 'supervisor';
      await runUpdate(caseId, single('approveWithdrawal', other(requester)));
      return true;
    };

    const completeOpenSteps = async (caseId: string, state: CaseState) => {
      let acted = false;
      if (state.stage === 'verification') {
        if (!state.assignee)
          await runUpdate(caseId, single('assignVerifier', 'supervisor', { assignee: 'verifier' }));
        await runUpdate(
          caseId,
          single('submitVerdict', 'supervisor', {
            verdict: { kind: 'no_violation', reasons: ['finale: nothing to act on'] },
          }),
        );
        return;
      }
      if (state.stage === 'action') {
        for (const kind of ['clarification', 'response'] as const) {
          const track = state.tracks[kind];
          if (track?.status === 'drafting') {
            await runUpdate(caseId, single('draftStatement', 'supervisor', { kind }));
            acted = true;
          } else if (track?.status === 'awaiting_approval') {
            await runUpdate(
              caseId,
              single('approveStatement', other(keyOf(track.draft?.by) ?? 'supervisor2'), {
                kind,
                revision: 'current',
              }),
            );
            acted = true;
          }
        }
        if (state.tracks.police?.status === 'awaiting_acknowledgment') {
          await runUpdate(caseId, single('acknowledgePolice', 'police'));
          acted = true;
        } else if (state.tracks.police?.status === 'awaiting_report') {
          await runUpdate(
            caseId,
            single('recordPoliceReport', 'police', { reportNumber: 'LP/B/900/XI/2025/SPKT/POLDA KALSEL' }),
          );
          acted = true;
        }
        if (state.tracks.takedowns.some((track) => track.status === 'objected')) {
          await runUpdate(
            caseId,
            single('resolveObjection', 'supervisor', {
              takedownKey: 'objected',
              decision: 'uphold',
              reason: 'finale: upheld',
            }),
          );
          acted = true;
        }
      }
      if (state.stage === 'monitoring' && !closeAccepted(caseId)) {
        await runUpdate(
          caseId,
          single('closeMonitoring', 'supervisor', { reason: 'finale: monitoring ends' }),
        );
        acted = true;
      }
      if (!acted) await clock.advance(24 * poll);
    };

    const finish = async (caseId: string, mode: CaseScript['finale']) => {
      for (let round = 0; round < 10; round += 1) {
        if (!(await isRunning(caseId))) break;
        const state = await queryState(caseId);
        if (!state || state.stage === 'intake') {
          await clock.advance(poll);
          continue;
        }
        // A case whose closeMonitoring was accepted must close by itself: leave it alone.
        if (state.stage === 'monitoring' && closeAccepted(caseId)) break;
        if ((mode === 'withdraw' || round >= 6) && !skippedBy('approveWithdrawal', state)) {
          if (await withdraw(caseId, state)) break;
        } else {
          await completeOpenSteps(caseId, state);
        }
      }
      if (record.stuck.some((line) => line.startsWith(`${caseId}:`))) {
        await handle(caseId)
          .terminate('case simulator: the case stopped answering updates')
          .catch(() => undefined);
        record.notClosed.push(caseId);
        await trace(`case ${caseId} is stuck: terminated`);
        return;
      }
      // Let the clock run until the case ends (monitoring periods, ladders), within a real-time limit.
      const realDeadline = Date.now() + harness.closeTimeoutMs;
      let advanced = 0;
      let closed = !(await isRunning(caseId));
      // A case told to close (closeMonitoring) closes without the clock: let it, before asking for
      // time. A sleep asked while its last workflow tasks run was seen never to end (seed 72).
      const closingBy = Date.now() + CLOSING_WAIT_MS;
      while (!closed && closeAccepted(caseId) && Date.now() < closingBy) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        closed = !(await isRunning(caseId));
      }
      while (!closed && Date.now() < realDeadline && advanced < harness.closeWithinMs) {
        await clock.advance(harness.closeStepMs);
        advanced += harness.closeStepMs;
        closed = !(await isRunning(caseId));
      }
      if (!closed) record.notClosed.push(caseId);
      await trace(`case ${caseId} ${closed ? 'ended' : 'did not end in time'}`);
    };

    await finish(first.caseId, script.finale);
    if (script.detectAfterClose && record.notClosed.length === 0) {
      const next = await cases.submitDetection(detection('public_complaint'));
      record.caseIds.push(next.caseId);
      await trace(`detected again after closure: ${next.caseId}`);
      await awaitTarget(next.caseId, 'verification', poll, poll / 4);
      await finish(next.caseId, 'complete');
    }
  }
}
