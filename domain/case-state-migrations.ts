import { CASE_STATE_SCHEMA_VERSION } from './case-state';

/**
 * Migrations of a carried case state (the input of a continued run) from older shapes to the current
 * CaseState. Pure functions on plain JSON, one per version step, so a case that has run for weeks on
 * an older worker continues on a newer one. A state from a newer version than this code knows is
 * refused: the worker is older than the case (roll the deployment forward).
 */
type Json = Record<string, unknown>;

export class CaseStateVersionError extends Error {
  constructor(readonly found: unknown) {
    super(
      `carried case state has schemaVersion ${String(found)}; this worker knows versions 1-${CASE_STATE_SCHEMA_VERSION}`,
    );
    this.name = 'CaseStateVersionError';
  }
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Version 1 (no schemaVersion): closeRequested/reuploadReported lived outside the state; no revision, archives or detection ids. */
export function migrateV1toV2(state: Json): Json {
  const detections = isObject(state.detections) ? state.detections : {};
  return {
    ...state,
    schemaVersion: 2,
    revision: typeof state.revision === 'number' ? state.revision : 0,
    reuploadReported: false,
    timelineArchives: [],
    detections: { ...detections, duplicates: 0, recentIds: [], sample: [] },
  };
}

const MIGRATIONS: Record<number, (state: Json) => Json> = { 1: migrateV1toV2 };

/** The carried state in the current shape (still to be parsed with CaseState); input that is not an object is returned as is. */
export function migrateCaseState(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  let version = raw.schemaVersion === undefined ? 1 : raw.schemaVersion;
  if (
    typeof version !== 'number' ||
    !Number.isInteger(version) ||
    version < 1 ||
    version > CASE_STATE_SCHEMA_VERSION
  ) {
    throw new CaseStateVersionError(raw.schemaVersion);
  }
  let state = raw;
  while (version < CASE_STATE_SCHEMA_VERSION) {
    state = MIGRATIONS[version]!(state);
    version += 1;
  }
  return state;
}
