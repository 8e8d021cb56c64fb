import fs from 'node:fs';
import path from 'node:path';
import { HISTORY_FIXTURES_DIR, historyFromFixture, type HistoryFixture } from './case-test-kit';

/**
 * The replay corpus: case histories recorded on the real dev server, one folder per release
 * (`test/fixtures/histories/<package version>/<terminal path>.json`). It only grows: a file, once
 * written, is never replaced (writeCorpusFixture refuses), so histories of older code stay and keep
 * being replayed against the current code. The flat files directly in test/fixtures/histories are the
 * older time-skipping recordings of the track and SLA tests; they are replayed too.
 */
export const VERSION_FOLDER = /^[0-9]+\.[0-9]+\.[0-9]+(?:[-+][0-9A-Za-z.-]+)?$/;

export interface CorpusFixture extends HistoryFixture {
  /** How and where it was recorded. */
  recorded?: { server: string; packageVersion: string; policyVersion: string; seed?: number; at: string };
}

export interface CorpusEntry {
  version: string;
  file: string;
  fixture: CorpusFixture;
}

export function corpusVersions(dir = HISTORY_FIXTURES_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && VERSION_FOLDER.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Every recorded file of every version, oldest version first. */
export function readCorpus(dir = HISTORY_FIXTURES_DIR): CorpusEntry[] {
  return corpusVersions(dir).flatMap((version) =>
    fs
      .readdirSync(path.join(dir, version))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => ({
        version,
        file,
        fixture: JSON.parse(fs.readFileSync(path.join(dir, version, file), 'utf8')) as CorpusFixture,
      })),
  );
}

export function corpusHistories(entry: CorpusEntry) {
  return entry.fixture.histories.map((history) => ({
    workflowId: history.workflowId,
    history: historyFromFixture(history.history),
  }));
}

export class CorpusFileExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists: the replay corpus only grows, recordings never replace a file`);
    this.name = 'CorpusFileExistsError';
  }
}

/** Writes one recording; refuses (CorpusFileExistsError) when the file exists. Returns its path. */
export function writeCorpusFixture(
  version: string,
  name: string,
  fixture: CorpusFixture,
  dir = HISTORY_FIXTURES_DIR,
): string {
  if (!VERSION_FOLDER.test(version)) throw new Error(`not a release version: ${version}`);
  if (!/^[a-z0-9][a-z0-9.+-]*$/.test(name)) throw new Error(`not a corpus file name: ${name}`);
  const folder = path.join(dir, version);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.json`);
  try {
    // 'wx': fails if the file exists, atomically (two recorders cannot both write it).
    fs.writeFileSync(file, `${JSON.stringify(fixture)}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CorpusFileExistsError(file);
    throw error;
  }
  return file;
}
