import type { FetchPolicy } from '../config/activities';
import type { TemporalConfig } from '../config/temporal';

/**
 * A worker that talks to Temporal with TLS or an API key runs in the cloud, where fetches of reported
 * URLs must follow the production egress rules: no private network, no allowed test targets.
 * Returns the problem to report, or undefined.
 */
export function cloudEgressProblem(
  fetch: FetchPolicy,
  temporal: Pick<TemporalConfig, 'tls' | 'apiKey' | 'tlsMaterial'>,
): { path: string[]; message: string } | undefined {
  const cloud = temporal.tls || Boolean(temporal.apiKey) || Boolean(temporal.tlsMaterial);
  if (!cloud) return undefined;
  if (fetch.allowPrivateNetwork) {
    return {
      path: ['fetch', 'allowPrivateNetwork'],
      message:
        'allowPrivateNetwork is for the local demo only; a worker with Temporal TLS or an API key runs in the cloud: set it to false',
    };
  }
  if (fetch.allowTargets.length > 0) {
    return {
      path: ['fetch', 'allowTargets'],
      message:
        'allowTargets is for tests only; a worker with Temporal TLS or an API key runs in the cloud: remove it',
    };
  }
  return undefined;
}
