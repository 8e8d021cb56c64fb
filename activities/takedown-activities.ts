import { ApplicationFailure } from '@temporalio/common';
import {
  BlocklistRecommendation,
  TakedownRequest,
  TakedownWithdrawal,
  WarningLetter,
} from '../domain/channels';
import type { Platform } from '../domain/places';
import type { CaseActivities } from './contract';
import type { ActivityDeps } from './deps';
import type { PlatformAdapter } from './channels/platform-adapter';
import { cancellationSignal } from './activity-context';
import { parseInput } from './input';
import { StatusInput } from './input-schemas';

export const PLATFORM_NOT_CONFIGURED = 'PlatformNotConfigured';

export function takedownActivities(
  deps: ActivityDeps,
): Pick<
  CaseActivities,
  'requestTakedown' | 'checkTakedownStatus' | 'sendWarningLetter' | 'recommendBlocklist' | 'withdrawTakedown'
> {
  const adapterFor = (platform: Platform): PlatformAdapter => {
    const adapter = deps.platforms[platform];
    if (!adapter)
      throw ApplicationFailure.nonRetryable(
        `no channel configured for platform ${platform}`,
        PLATFORM_NOT_CONFIGURED,
      );
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

    async withdrawTakedown(input) {
      const withdrawal = parseInput('withdrawTakedown', TakedownWithdrawal, input);
      return adapterFor(withdrawal.platform).withdrawTakedown(withdrawal, cancellationSignal());
    },

    async recommendBlocklist(input) {
      const recommendation = parseInput('recommendBlocklist', BlocklistRecommendation, input);
      // Websites are blocked through the national DNS blocklist, which the `website` channel reaches.
      return adapterFor('website').recommendBlocklist(recommendation, cancellationSignal());
    },
  };
}
