import {
  CASE_STATE_SCHEMA_VERSION,
  CaseState,
  CaseStateVersionError,
  migrateCaseState,
  migrateV1toV2,
} from '../../../domain';

/** A carried state as version-1 code wrote it (before issue 9): no schemaVersion, revision, archives or detection ids. */
const v1State = {
  caseId: 'case-0123456789abcdef0123',
  generation: 1,
  policyVersion: '2025-11.1',
  stage: 'monitoring',
  openedAt: '2025-11-20T01:00:00.000Z',
  priority: 'urgent',
  category: 'online_gambling',
  region: 'banjarmasin',
  subject: { url: 'https://slot-gacor.example/daftar' },
  detections: { count: 3, bySource: { crawler: 3 }, rejected: 0, reporterRefs: [] },
  evidence: [],
  tracks: { takedowns: [] },
  deadlines: [],
  slaBreached: false,
  monitoring: {
    startedAt: '2025-11-21T01:00:00.000Z',
    until: '2025-12-21T01:00:00.000Z',
    checks: 7,
    reuploads: 0,
    runs: 1,
  },
  timeline: [
    {
      seq: 1,
      at: '2025-11-20T01:00:00.000Z',
      action: 'detected',
      source: 'crawler:ais',
      summary: 'reported',
    },
  ],
};

describe('carried case state migrations', () => {
  it('migrates a version-1 state to one the current schema parses, keeping what it had', () => {
    const migrated = migrateCaseState(structuredClone(v1State));
    const state = CaseState.parse(migrated);
    expect(state.schemaVersion).toBe(CASE_STATE_SCHEMA_VERSION);
    expect(state.detections).toMatchObject({ count: 3, duplicates: 0, recentIds: [], sample: [] });
    expect(state).toMatchObject({
      revision: 0,
      reuploadReported: false,
      timelineArchives: [],
      monitoring: { checks: 7 },
    });
    expect(state.closeRequested).toBeUndefined();
  });

  it('is a pure function: the input is not changed', () => {
    const input = structuredClone(v1State);
    migrateV1toV2(input);
    expect(input).toEqual(v1State);
  });

  it('leaves a current state as it is', () => {
    const current = CaseState.parse(migrateCaseState(structuredClone(v1State)));
    expect(migrateCaseState(current)).toEqual(current);
  });

  it('refuses a state from a newer version than this code knows', () => {
    expect(() => migrateCaseState({ ...v1State, schemaVersion: CASE_STATE_SCHEMA_VERSION + 1 })).toThrow(
      CaseStateVersionError,
    );
    expect(() => migrateCaseState({ ...v1State, schemaVersion: 'two' })).toThrow(/schemaVersion two/);
  });
});
