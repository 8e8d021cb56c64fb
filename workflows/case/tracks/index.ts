import { CancellationScope, isCancellation, log } from '@temporalio/workflow';
import { plannedTracks, type TakedownTrack } from '../../../domain';
import type { CASE_TRACK_NAMES } from '../../../domain';
import type { CaseContext } from '../context';
import { policeChildId, runPoliceTrack } from './police';
import { runStatementTrack } from './statement';
import { runTakedownTrack, takedownChildId } from './takedown';

/**
 * The action stage: the tracks the verdict calls for, in parallel (clarification then response;
 * one takedown per platform/URL; police). A track that fails is recorded and the supervisors told;
 * the others go on. Cancellation (withdrawal) passes through.
 */
export async function runTracks(ctx: CaseContext): Promise<void> {
  const { state } = ctx;
  const plan = plannedTracks(state.verdict!.verdict, state.subject);
  // A run that continued as new during the action stage takes up the tracks already in the state.
  if (ctx.v2 && state.stage === 'action') return runPlannedTracks(ctx, plan);
  ctx.setStage('action');

  const perPlatform = new Map<string, number>();
  for (const target of plan.takedowns) {
    const ordinal = (perPlatform.get(target.platform) ?? 0) + 1;
    perPlatform.set(target.platform, ordinal);
    const key = `${target.platform}-${ordinal}`;
    const track: TakedownTrack = {
      key,
      platform: target.platform,
      url: target.url,
      childWorkflowId: takedownChildId(state.caseId, key, 1),
      status: 'starting',
      attempt: 1,
      updatedAt: ctx.nowIso(),
    };
    state.tracks.takedowns.push(track);
  }
  if (plan.police)
    state.tracks.police = {
      childWorkflowId: policeChildId(state.caseId),
      status: 'delivering',
      followUps: [],
    };
  ctx.changed();
  await runPlannedTracks(ctx, plan);
}

async function runPlannedTracks(ctx: CaseContext, plan: ReturnType<typeof plannedTracks>): Promise<void> {
  const { state } = ctx;

  const jobs: Promise<void>[] = [];
  if (plan.clarification) {
    jobs.push(
      guarded(ctx, 'clarification', async () => {
        await runStatementTrack(ctx, 'clarification');
        if (plan.response) await runStatementTrack(ctx, 'response');
      }),
    );
  } else if (plan.response) {
    jobs.push(guarded(ctx, 'response', () => runStatementTrack(ctx, 'response')));
  }
  for (const track of state.tracks.takedowns) {
    jobs.push(
      guarded(
        ctx,
        `takedown ${track.key}`,
        () => runTakedownTrack(ctx, track),
        () => {
          track.status = 'failed';
          track.result = 'failed';
        },
      ),
    );
  }
  if (plan.police) {
    jobs.push(
      guarded(
        ctx,
        'police',
        () => runPoliceTrack(ctx),
        () => {
          state.tracks.police!.status = 'failed';
        },
      ),
    );
  }
  await Promise.all(jobs);
}

/** Runs a track; a failure other than cancellation is recorded instead of failing the case. */
export async function guarded(
  ctx: CaseContext,
  name: TrackName,
  run: () => Promise<void>,
  onFailure?: () => void,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (isCancellation(error) || CancellationScope.current().consideredCancelled) throw error;
    log.error('track failed', { caseId: ctx.caseId, track: name, error: String(error) });
    onFailure?.();
    const [track, key] = trackName(name);
    ctx.record('track_failed', {
      code: 'track_failed',
      params: {
        track,
        ...(key ? { key } : {}),
        error: error instanceof Error ? error.message : String(error),
      },
    });
    void ctx.notify({
      requestId: `${ctx.caseId}:track-failed:${name.replace(/[^A-Za-z0-9]/g, '-')}:${ctx.state.timeline.length}`,
      audience: 'supervisors',
      kind: 'escalation',
      subject: `Track ${name} of ${ctx.caseId} failed`,
      body: `The ${name} track stopped with an error and needs a supervisor: ${String(error)}`,
    });
  }
}

type TrackName = Exclude<(typeof CASE_TRACK_NAMES)[number], 'takedown'> | `takedown ${string}`;

/** "takedown meta-1 attempt 2" -> ["takedown", "meta-1 attempt 2"]; "police" -> ["police"]. */
function trackName(name: TrackName): [(typeof CASE_TRACK_NAMES)[number], string?] {
  if (name.startsWith('takedown ')) return ['takedown', name.slice('takedown '.length)];
  return [name as Exclude<TrackName, `takedown ${string}`>];
}
