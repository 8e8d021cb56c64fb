import {
  CASE_STATE_SCHEMA_VERSION,
  type CasePolicy,
  type CaseState,
  type PreviousCase,
  type StatementKind,
  type StatementTrack,
} from '../../domain';

/** The state of a new case, before its first detection is applied. */
export function initialState(params: {
  caseId: string;
  generation: number;
  policy: CasePolicy;
  previousCase?: PreviousCase;
}): CaseState {
  return {
    schemaVersion: CASE_STATE_SCHEMA_VERSION,
    caseId: params.caseId,
    generation: params.generation,
    ...(params.previousCase ? { previousCase: params.previousCase } : {}),
    policyVersion: params.policy.version,
    stage: 'intake',
    openedAt: new Date(Date.now()).toISOString(),
    priority: 'normal',
    region: 'unknown',
    subject: {},
    detections: {
      count: 0,
      bySource: {},
      rejected: 0,
      reporterRefs: [],
      duplicates: 0,
      recentIds: [],
      sample: [],
    },
    evidence: [],
    tracks: { takedowns: [] },
    deadlines: [],
    slaBreached: false,
    timeline: [],
    timelineArchives: [],
    revision: 0,
    reuploadReported: false,
  };
}

export function newStatementTrack(kind: StatementKind): StatementTrack {
  return { kind, status: 'drafting', rejections: [] };
}

/** At most this many confidential reporter handles are kept per case. */
export const MAX_REPORTER_REFS = 100;
/** Detection ids remembered for de-duplication (the most recent ones). */
export const MAX_DETECTION_IDS = 500;
/** Detections kept as a sample for people; the rest are counted per source. */
export const MAX_DETECTION_SAMPLE = 20;
