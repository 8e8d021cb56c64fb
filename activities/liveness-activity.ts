import type { CaseActivities } from './contract';
import type { ActivityDeps } from './deps';
import { cancellationSignal } from './activity-context';
import { parseInput } from './input';
import { LivenessInput } from './input-schemas';
import { checkLiveness } from './liveness/check-liveness';

export function livenessActivities(deps: ActivityDeps): Pick<CaseActivities, 'checkLiveness'> {
  return {
    async checkLiveness(input) {
      const { url, platform } = parseInput('checkLiveness', LivenessInput, input);
      return checkLiveness(url, {
        platform,
        timeoutMs: deps.fetch.liveness.timeoutMs,
        maxBytes: deps.fetch.liveness.maxBytes,
        userAgent: deps.fetch.userAgent,
        allowPrivateNetwork: deps.fetch.allowPrivateNetwork,
        signal: cancellationSignal(),
        now: deps.now,
      });
    },
  };
}
