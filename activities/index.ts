import type { Client } from '@temporalio/client';
import type { ActivitiesConfig } from '../config/activities';
import { createS3Client } from '../config/s3';
import { PLATFORMS } from '../domain/places';
import type { CaseActivities } from './contract';
import type { ActivityDeps } from './deps';
import { classificationActivities } from './classify-content';
import { ClassifierRegistry } from './classifier/registry/classifier-registry';
import { CurrentModel } from './classifier/registry/current-model';
import { HttpPlatformAdapter, type PlatformAdapter } from './channels/platform-adapter';
import { RateLimitedPlatformAdapter } from './channels/rate-limited-platform';
import { HttpPoliceAdapter } from './channels/police-adapter';
import { HttpPublishingAdapter } from './channels/publishing-adapter';
import { EvidenceStore } from './evidence/evidence-store';
import { fetchWorkflowHistory } from '../lib/history/workflow-history';
import { evidenceActivities } from './evidence-activities';
import { livenessActivities } from './liveness-activity';
import { EmailChannel } from './notifications/email-channel';
import { S3DeliveryLedger } from './notifications/delivery-ledger';
import type { NotificationChannel } from './notifications/notification-channel';
import { Notifier } from './notifications/notifier';
import { WebhookChannel } from './notifications/webhook-channel';
import { outreachActivities } from './outreach-activities';
import { takedownActivities } from './takedown-activities';

export type { ActivityDeps } from './deps';
export type { CaseActivities } from './contract';
export type { ClassifierActivities } from './classifier-contract';
export { classifierActivities } from './classifier-activities';
export type { ClaimActivities } from './claims-contract';
export { claimActivities } from './claim-activities';
import { ClaimStore } from './claims/claim-store';
export { ClaimStore };
export { ACTIVITY_OPTIONS, NON_RETRYABLE_ERROR_TYPES } from './options';
export { ActivitiesConfig, localActivitiesConfig } from '../config/activities';
export { canonicalizeUrl } from '../lib/url/canonicalize';

/** The activity implementations, to register on a Worker: `Worker.create({ activities: createActivities(deps), ... })`. */
export function createActivities(deps: ActivityDeps): CaseActivities {
  return {
    ...classificationActivities(deps.classifier ? new CurrentModel(deps.classifier) : undefined),
    ...evidenceActivities(deps),
    ...takedownActivities(deps),
    ...livenessActivities(deps),
    ...outreachActivities(deps),
  };
}

/** Wires the real dependencies from parsed configuration; the client is used to read case histories. */
export function buildActivityDeps(config: ActivitiesConfig, temporalClient: Client): ActivityDeps {
  const s3 = createS3Client(config.s3);
  const platforms: Partial<Record<(typeof PLATFORMS)[number], PlatformAdapter>> = {};
  for (const platform of PLATFORMS) {
    const endpoint = config.platforms[platform];
    if (!endpoint) continue;
    const adapter = new HttpPlatformAdapter(platform, endpoint);
    platforms[platform] = endpoint.rateLimit
      ? new RateLimitedPlatformAdapter(adapter, endpoint.rateLimit)
      : adapter;
  }
  const channels: NotificationChannel[] = [];
  if (config.notifications.webhook) channels.push(new WebhookChannel(config.notifications.webhook));
  if (config.notifications.email) channels.push(new EmailChannel(config.notifications.email));
  return {
    evidence: new EvidenceStore(s3, { objectLock: config.objectLock }),
    buckets: { evidence: config.s3.evidenceBucket, audit: config.s3.auditBucket },
    platforms,
    police: new HttpPoliceAdapter(config.police),
    publishing: new HttpPublishingAdapter(config.publishing),
    notifier: new Notifier(channels, new S3DeliveryLedger(s3, config.s3.auditBucket)),
    history: { fetchHistory: (workflowId, runId) => fetchWorkflowHistory(temporalClient, workflowId, runId) },
    fetch: config.fetch,
    classifier: new ClassifierRegistry(s3, config.s3.evidenceBucket),
    claims: new ClaimStore(s3, config.s3.evidenceBucket),
  };
}
