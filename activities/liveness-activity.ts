import type { CaseActivities } from './contract';
import type { ActivityDeps } from './deps';
import { egressOf } from './http/dns-resolver';
import { cancellationSignal } from './activity-context';
import { parseInput } from './input';
import { LivenessInput } from './input-schemas';
import { checkLiveness } from './liveness/check-liveness';

export function livenessActivities(
  deps: Pick<ActivityDeps, 'fetch' | 'now'>,
): Pick<CaseActivities, 'checkLiveness'> {
  const egress = egressOf(deps.fetch);
  return {
    async checkLiveness(input) {
      const { url, platform } = parseInput('checkLiveness', LivenessInput, input);
      return checkLiveness(url, {
        platform,
        timeoutMs: deps.fetch.liveness.timeoutMs,
        maxBytes: deps.fetch.liveness.maxBytes,
        userAgent: deps.fetch.userAgent,
        ...egress,
        signal: cancellationSignal(),
        now: deps.now,
      });
    },
  };
}
