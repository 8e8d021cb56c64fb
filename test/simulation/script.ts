import type { CaseActivities } from '../../activities/contract';
import type { CaseUpdateName, Category, Platform, Priority } from '../../domain';
import type { PlatformScript } from '../support/scripted-activities';
import type { officers } from '../support/case-test-kit';

/**
 * A case script: what the world does (classifier, platforms, outages) and what the officers, the
 * platforms' crawlers and the clock do, step by step. Plain JSON, printed on failure; the seed that
 * generated it regenerates it exactly.
 */
export type OfficerKey = keyof typeof officers;

/** How the first detection identifies the content. */
export type DetectionShape = 'url' | 'text' | 'hash' | 'url_text';

export interface ScriptContent {
  shape: DetectionShape;
  url?: string;
  text?: string;
  contentSha256?: string;
  source: 'crawler' | 'officer' | 'public_complaint' | 'partner';
  suggestedCategory?: Category;
}

export interface ScriptWorld {
  classification: { category?: Category; confidence: number; suggestedPriority: Priority };
  platforms: Partial<Record<Platform, PlatformScript>>;
  /** Outage windows in hours after the script starts (server time). */
  outages: { activity: keyof CaseActivities; fromHours: number; toHours: number }[];
}

/** Where the runner waits for the case to get to (query polling; the clock moves on if it must). */
export type AwaitTarget =
  | 'verification'
  | 'action'
  | 'monitoring'
  | 'clarification_drafting'
  | 'response_drafting'
  | 'statement_awaiting_approval'
  | 'police_awaiting_acknowledgment'
  | 'police_awaiting_report'
  | 'takedown_objected'
  | 'closed';

/**
 * How an officer step is sent: once; `retry`: twice with the same update id (an API retry);
 * `double`: twice with different ids, one after the other; `concurrent`: `copies` at once (for
 * submitVerdict the copies carry different verdicts).
 */
export type SendMode = 'single' | 'retry' | 'double' | 'concurrent';

export type Step =
  | { op: 'detect'; count: number; concurrent: boolean; source: ScriptContent['source'] }
  | { op: 'advance'; ms: number; why: string }
  /** Advance to `checks` monitoring check intervals after monitoring started, plus `offsetMs`. */
  | { op: 'advanceToMonitoringCheck'; checks: number; offsetMs: number }
  /** Polls the case (real time) until it gets there; moves the clock on by `stepMs`, up to `maxMs`, if it must. */
  | { op: 'await'; target: AwaitTarget; maxMs: number; stepMs: number }
  | {
      op: 'update';
      name: CaseUpdateName;
      actor: OfficerKey;
      args: Record<string, unknown>;
      mode: SendMode;
      copies?: number;
      invalid?: boolean;
    }
  | { op: 'notes'; actor: OfficerKey; count: number; length: number }
  /** Starts an outage of an activity now, for `hours`. */
  | { op: 'outage'; activity: keyof CaseActivities; ms: number }
  /** The removed content is back online (the monitor's liveness check sees it), optionally re-detected. */
  | { op: 'reupload'; detect: boolean };

export interface CaseScript {
  seed: number;
  content: ScriptContent;
  world: ScriptWorld;
  steps: Step[];
  /** After the case closes, detect the content again: a new generation opens and is closed too. */
  detectAfterClose: boolean;
  /** How the runner ends what the steps left open: complete the open steps, or withdraw. */
  finale: 'complete' | 'withdraw';
}
