import { Notification, PolicePackage, Statement } from '../domain/channels';
import type { CaseActivities } from './contract';
import type { ActivityDeps } from './deps';
import { cancellationSignal } from './activity-context';
import { evidenceKey } from './evidence/evidence-keys';
import { parseInput } from './input';

/** Everything that reaches people: officers (notify), the police liaison, the public (publishing). */
export function outreachActivities(
  deps: ActivityDeps,
): Pick<CaseActivities, 'notify' | 'deliverPolicePackage' | 'publishStatement'> {
  return {
    async notify(input) {
      const notification = parseInput('notify', Notification, input);
      return deps.notifier.notify(notification, cancellationSignal());
    },

    async deliverPolicePackage(input) {
      const pkg = parseInput('deliverPolicePackage', PolicePackage, input);
      // The package as sent is itself evidence: stored first (once per requestId), then delivered with its record.
      const manifest = await deps.evidence.put({
        kind: 'police_package',
        bucket: deps.buckets.evidence,
        key: evidenceKey(pkg.caseId, 'police_package', pkg.requestId, '.json'),
        body: new TextEncoder().encode(JSON.stringify(pkg, null, 2)),
        contentType: 'application/json',
        capturedAt: (deps.now?.() ?? new Date()).toISOString(),
      });
      return deps.police.deliverPackage({ package: pkg, manifest: manifest.record }, cancellationSignal());
    },

    async publishStatement(input) {
      const statement = parseInput('publishStatement', Statement, input);
      return deps.publishing.publish(statement, cancellationSignal());
    },
  };
}
