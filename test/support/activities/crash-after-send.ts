import type { ActivityDeps } from '../../../activities';
import { attemptNumber } from '../../../activities/activity-context';
import type { PlatformAdapter } from '../../../activities/channels/platform-adapter';

/**
 * Wraps the platform adapters so that the first attempt of an activity "crashes" right after its
 * takedown request has reached the platform and been answered: the worst moment, since the platform
 * acted but the workflow never hears of it.
 */
export function crashAfterSend(deps: ActivityDeps, crash: () => never): ActivityDeps {
  const platforms: ActivityDeps['platforms'] = {};
  for (const [platform, adapter] of Object.entries(deps.platforms) as [
    keyof ActivityDeps['platforms'],
    PlatformAdapter,
  ][]) {
    platforms[platform] = {
      platform: adapter.platform,
      checkStatus: (ticketId, signal) => adapter.checkStatus(ticketId, signal),
      sendWarningLetter: (letter, signal) => adapter.sendWarningLetter(letter, signal),
      recommendBlocklist: (recommendation, signal) => adapter.recommendBlocklist(recommendation, signal),
      withdrawTakedown: (withdrawal, signal) => adapter.withdrawTakedown(withdrawal, signal),
      async requestTakedown(request, signal) {
        const receipt = await adapter.requestTakedown(request, signal);
        if (attemptNumber() === 1) crash();
        return receipt;
      },
    };
  }
  return { ...deps, platforms };
}
