import { condition, isCancellation, log, workflowInfo } from '@temporalio/workflow';
import { durationMs, type TakedownTrack } from '../../domain';
import type { CaseContext } from './context';
import { guarded } from './tracks';
import { runTakedownTrack, takedownChildId } from './tracks/takedown';

/**
 * Re-upload monitoring: removed content is checked every policy interval (and at once when a repeat
 * detection arrives) until the policy period ends or a supervisor ends it. Content that is back gets
 * a new takedown attempt. The run continues as new every `checksPerRun` checks (or when the server
 * suggests it), carrying the state, so the history stays small however long monitoring lasts.
 */
export async function runMonitoring(
  ctx: CaseContext,
  continueAsNew: () => Promise<never>,
  { livenessOutages = false }: { livenessOutages?: boolean } = {},
): Promise<void> {
  if (ctx.v2) return runMonitoringV2(ctx, continueAsNew, livenessOutages);
  const { state, policy } = ctx;
  const watched = () => state.tracks.takedowns.filter((track) => track.result === 'removed');
  if (!state.monitoring) {
    if (watched().length === 0) return;
    const now = Date.now();
    state.monitoring = {
      startedAt: new Date(now).toISOString(),
      until: new Date(now + durationMs(policy.monitoring.period)).toISOString(),
      checks: 0,
      reuploads: 0,
      runs: 1,
    };
    ctx.setStage('monitoring');
    ctx.record('monitoring_started', {
      code: 'monitoring_started',
      params: { watched: watched().length, until: state.monitoring.until },
    });
  }
  const monitoring = state.monitoring;
  const until = Date.parse(monitoring.until);
  let checksThisRun = 0;
  for (;;) {
    const remaining = until - Date.now();
    if (remaining <= 0 || ctx.closeRequested) return;
    await condition(
      () => ctx.reuploadReported || ctx.closeRequested !== undefined,
      Math.min(durationMs(policy.monitoring.checkInterval), remaining),
    );
    if (ctx.closeRequested) return;
    ctx.reuploadReported = false;
    for (const track of watched()) {
      const liveness = await ctx.fetching.checkLiveness({ url: track.url, platform: track.platform });
      if (liveness.state !== 'up') continue;
      reopenForReupload(ctx, track, liveness.reason);
      await guarded(
        ctx,
        `takedown ${track.key} attempt ${track.attempt}`,
        () => runTakedownTrack(ctx, track),
        () => {
          track.status = 'failed';
          track.result = 'failed';
        },
      );
    }
    monitoring.checks += 1;
    checksThisRun += 1;
    ctx.changed();
    const moreToWatch = Date.now() < until && !ctx.closeRequested;
    if (
      moreToWatch &&
      (checksThisRun >= policy.monitoring.checksPerRun || workflowInfo().continueAsNewSuggested)
    ) {
      await continueAsNew();
    }
  }
}

function startMonitoring(ctx: CaseContext, watchedCount: number): void {
  const now = Date.now();
  ctx.state.monitoring = {
    startedAt: new Date(now).toISOString(),
    until: new Date(now + durationMs(ctx.policy.monitoring.period)).toISOString(),
    checks: 0,
    reuploads: 0,
    runs: 1,
  };
  ctx.setStage('monitoring');
  ctx.record('monitoring_started', {
    code: 'monitoring_started',
    params: { watched: watchedCount, until: ctx.state.monitoring.until },
  });
}

/**
 * Monitoring with the issue-9 patch: a re-upload's takedown runs beside the checks instead of inside
 * them, so closeMonitoring and the end of the period never wait for it; a run continues as new when
 * the server suggests it even between checks; a takedown still running is taken up by the next run.
 * When the period ends the running re-upload takedowns are awaited; when a supervisor ends monitoring
 * they are cancelled with the case (close.ts).
 */
async function runMonitoringV2(
  ctx: CaseContext,
  continueAsNew: () => Promise<never>,
  livenessOutages: boolean,
): Promise<void> {
  const { state, policy } = ctx;
  const checkLiveness = livenessOutages
    ? livenessCheckSurvivingOutages(ctx)
    : (track: TakedownTrack) => ctx.fetching.checkLiveness({ url: track.url, platform: track.platform });
  const watched = () => state.tracks.takedowns.filter((track) => track.result === 'removed');
  const running = new Map<string, Promise<void>>();
  const retake = (track: TakedownTrack) => {
    const run = guarded(
      ctx,
      `takedown ${track.key} attempt ${track.attempt}`,
      () => runTakedownTrack(ctx, track),
      () => {
        track.status = 'failed';
        track.result = 'failed';
      },
    ).finally(() => running.delete(track.key));
    // Awaited only when the period ends; a withdrawal's cancellation must not surface as an unhandled rejection.
    run.catch(() => undefined);
    running.set(track.key, run);
  };
  if (!state.monitoring) {
    if (watched().length === 0) return;
    startMonitoring(ctx, watched().length);
  }
  const monitoring = state.monitoring!;
  for (const track of state.tracks.takedowns) if (!track.result && track.attempt > 1) retake(track);
  const until = Date.parse(monitoring.until);
  const suggested = () => workflowInfo().continueAsNewSuggested;
  let checksThisRun = 0;
  for (;;) {
    const remaining = until - Date.now();
    if (remaining <= 0 || ctx.closeRequested) break;
    await condition(
      () => ctx.reuploadReported || ctx.closeRequested !== undefined || suggested(),
      Math.min(durationMs(policy.monitoring.checkInterval), remaining),
    );
    if (ctx.closeRequested) break;
    if (suggested() && !ctx.reuploadReported) await continueAsNew();
    ctx.reuploadReported = false;
    for (const track of watched()) {
      const liveness = await checkLiveness(track);
      if (liveness?.state !== 'up') continue;
      reopenForReupload(ctx, track, liveness.reason);
      retake(track);
    }
    monitoring.checks += 1;
    checksThisRun += 1;
    ctx.changed();
    const moreToWatch = Date.now() < until && !ctx.closeRequested;
    if (moreToWatch && (checksThisRun >= policy.monitoring.checksPerRun || suggested()))
      await continueAsNew();
  }
  if (!ctx.closeRequested) await Promise.all(running.values());
}

/** Content is back: count it, open the next takedown attempt on the track and tell the unit. */
function reopenForReupload(ctx: CaseContext, track: TakedownTrack, reason: string): void {
  const { state } = ctx;
  state.monitoring!.reuploads += 1;
  ctx.record(
    'reupload_detected',
    { code: 'reupload_detected', params: { url: track.url, platform: track.platform, reason } },
    {
      source: 'monitor',
    },
  );
  track.attempt += 1;
  track.childWorkflowId = takedownChildId(state.caseId, track.key, track.attempt);
  track.status = 'starting';
  delete track.result;
  delete track.level;
  delete track.ticketId;
  ctx.changed();
  void ctx.notify({
    requestId: `${state.caseId}:reupload:${track.key}:a${track.attempt}`,
    audience: 'rapid_response_unit',
    kind: 'info',
    subject: `Re-upload on ${track.platform} for ${state.caseId}`,
    body: `${track.url} is back; takedown attempt ${track.attempt} was requested.`,
  });
}

/**
 * The liveness check of monitoring with the liveness-outage patch: a check that fails (the checker is
 * down, its retries used up) is a missed check, tried again at the next one, never the end of the
 * case. The timeline says so once per outage of each URL, and again when the check answers.
 */
function livenessCheckSurvivingOutages(ctx: CaseContext) {
  const missed = new Map<string, number>();
  return async (track: TakedownTrack) => {
    try {
      const liveness = await ctx.fetching.checkLiveness({ url: track.url, platform: track.platform });
      const before = missed.get(track.key) ?? 0;
      if (before > 0)
        ctx.record(
          'takedown_checked',
          { code: 'reupload_checked_again', params: { url: track.url, missed: before } },
          { source: 'monitor' },
        );
      missed.delete(track.key);
      return liveness;
    } catch (error) {
      if (isCancellation(error)) throw error;
      const count = (missed.get(track.key) ?? 0) + 1;
      missed.set(track.key, count);
      log.warn('re-upload check failed; tried at the next check', {
        caseId: ctx.caseId,
        url: track.url,
        error: String(error),
      });
      if (count === 1)
        ctx.record(
          'takedown_checked',
          {
            code: 'reupload_check_missed',
            params: { url: track.url, error: error instanceof Error ? error.message : String(error) },
          },
          { source: 'monitor' },
        );
      return undefined;
    }
  };
}
