import { condition, workflowInfo } from '@temporalio/workflow';
import { durationMs } from '../../domain';
import { caseActivities } from '../activity-stubs';
import type { CaseContext } from './context';
import { guarded } from './tracks';
import { runTakedownTrack, takedownChildId } from './tracks/takedown';

/**
 * Re-upload monitoring: removed content is checked every policy interval (and at once when a repeat
 * detection arrives) until the policy period ends or a supervisor ends it. Content that is back gets
 * a new takedown attempt. The run continues as new every `checksPerRun` checks (or when the server
 * suggests it), carrying the state, so the history stays small however long monitoring lasts.
 */
export async function runMonitoring(ctx: CaseContext, continueAsNew: () => Promise<never>): Promise<void> {
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
    ctx.record('monitoring_started', `watching ${watched().length} removed URL(s) for re-uploads until ${state.monitoring.until}`);
  }
  const monitoring = state.monitoring;
  const until = Date.parse(monitoring.until);
  let checksThisRun = 0;
  for (;;) {
    const remaining = until - Date.now();
    if (remaining <= 0 || ctx.closeRequested) return;
    await condition(() => ctx.reuploadReported || ctx.closeRequested !== undefined, Math.min(durationMs(policy.monitoring.checkInterval), remaining));
    if (ctx.closeRequested) return;
    ctx.reuploadReported = false;
    for (const track of watched()) {
      const liveness = await caseActivities.checkLiveness({ url: track.url, platform: track.platform });
      if (liveness.state !== 'up') continue;
      monitoring.reuploads += 1;
      ctx.record('reupload_detected', `${track.url} is reachable again on ${track.platform} (${liveness.reason}); new takedown requested`, {
        source: 'monitor',
      });
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
      await guarded(ctx, `takedown ${track.key} attempt ${track.attempt}`, () => runTakedownTrack(ctx, track), () => {
        track.status = 'failed';
        track.result = 'failed';
      });
    }
    monitoring.checks += 1;
    checksThisRun += 1;
    ctx.changed();
    const moreToWatch = Date.now() < until && !ctx.closeRequested;
    if (moreToWatch && (checksThisRun >= policy.monitoring.checksPerRun || workflowInfo().continueAsNewSuggested)) {
      await continueAsNew();
    }
  }
}
