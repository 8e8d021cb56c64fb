import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import { BlocklistRecommendation, TakedownRequest, WarningLetter } from '../domain/channels';
import { Platform } from '../domain/places';
import type { CaseActivities } from './contract';
import type { ActivityDeps } from './deps';
import type { PlatformAdapter } from './channels/platform-adapter';
import { cancellationSignal } from './activity-context';
import { parseInput } from './input';

export const PLATFORM_NOT_CONFIGURED = 'PlatformNotConfigured';

export const StatusInput = z.object({ platform: Platform, ticketId: z.string().min(1).max(300) });

export function takedownActivities(
  deps: ActivityDeps,
): Pick<CaseActivities, 'requestTakedown' | 'checkTakedownStatus' | 'sendWarningLetter' | 'recommendBlocklist'> {
  const adapterFor = (platform: Platform): PlatformAdapter => {
    const adapter = deps.platforms[platform];
    if (!adapter) throw ApplicationFailure.nonRetryable(`no channel configured for platform ${platform}`, PLATFORM_NOT_CONFIGURED);
    return adapter;
  };
  return {
    async requestTakedown(input) {
      const request = parseInput('requestTakedown', TakedownRequest, input);
      return adapterFor(request.platform).requestTakedown(request, cancellationSignal());
    },

    async checkTakedownStatus(input) {
      const { platform, ticketId } = parseInput('checkTakedownStatus', StatusInput, input);
      return adapterFor(platform).checkStatus(ticketId, cancellationSignal());
    },

    async sendWarningLetter(input) {
      const letter = parseInput('sendWarningLetter', WarningLetter, input);
      return adapterFor(letter.platform).sendWarningLetter(letter, cancellationSignal());
    },

    async recommendBlocklist(input) {
      const recommendation = parseInput('recommendBlocklist', BlocklistRecommendation, input);
      // Websites are blocked through the national DNS blocklist, which the `website` channel reaches.
      return adapterFor('website').recommendBlocklist(recommendation, cancellationSignal());
    },
  };
}
