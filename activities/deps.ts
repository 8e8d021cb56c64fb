import type { FetchPolicy } from '../config/activities';
import type { Platform } from '../domain/places';
import type { PlatformAdapter } from './channels/platform-adapter';
import type { PoliceAdapter } from './channels/police-adapter';
import type { PublishingAdapter } from './channels/publishing-adapter';
import type { ClassifierRegistry } from './classifier/registry/classifier-registry';
import type { ClaimStore } from './claims/claim-store';
import type { EvidenceStore } from './evidence/evidence-store';
import type { WorkflowHistory } from '../lib/history/workflow-history';
import type { Notifier } from './notifications/notifier';

/** Where a case's history comes from: Temporal in production (lib/history), a stub in unit tests. */
export interface HistorySource {
  fetchHistory(workflowId: string, runId?: string): Promise<WorkflowHistory>;
}

/** What the activities need; buildActivityDeps() makes it from config, tests make their own. */
export interface ActivityDeps {
  evidence: EvidenceStore;
  buckets: { evidence: string; audit: string };
  platforms: Partial<Record<Platform, PlatformAdapter>>;
  police: PoliceAdapter;
  publishing: PublishingAdapter;
  notifier: Notifier;
  history: HistorySource;
  fetch: FetchPolicy;
  /** Verdict examples and promoted models (absent: intake classifies with rules only). */
  classifier?: ClassifierRegistry;
  /** Claim signatures for matching repeated claims across cases. */
  claims?: ClaimStore;
  /** The clock for capture times; tests pin it. */
  now?: () => Date;
}
