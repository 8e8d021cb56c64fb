import fs from 'node:fs';
import path from 'node:path';

interface SequencedTest {
  path: string;
}
// The sequencer is plain JavaScript, as jest loads it; this is the one method the test uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LongestFirstSequencer = require('../../support/longest-first-sequencer.js') as new (
  options: object,
) => {
  sort<T extends SequencedTest>(tests: T[]): T[];
};

const repoRoot = path.resolve(__dirname, '../../..');

/** A jest Test as the sequencer sees it, with no cache of earlier runs (a fresh clone) and a file size. */
function fakeTest(relativePath: string, size: number) {
  return {
    path: path.join(repoRoot, relativePath),
    context: { config: { cache: false }, hasteFS: { getSize: () => size } },
  };
}

describe('longest-first test sequencer', () => {
  it('starts the suites known to be long first, longest first, then the rest by file size', () => {
    const tests = [
      fakeTest('test/unit/small-unknown.test.ts', 100),
      fakeTest('test/integration/workflows/replay.test.ts', 10),
      fakeTest('test/unit/large-unknown.test.ts', 9_000),
      fakeTest('test/simulation/simulation.test.ts', 5),
    ];
    const order = new LongestFirstSequencer({}).sort(tests).map((test) => path.relative(repoRoot, test.path));
    expect(order).toEqual([
      'test/simulation/simulation.test.ts',
      'test/integration/workflows/replay.test.ts',
      'test/unit/large-unknown.test.ts',
      'test/unit/small-unknown.test.ts',
    ]);
  });

  it('names only suites that exist', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seconds } = require('../../support/suite-durations.json') as { seconds: Record<string, number> };
    expect(Object.keys(seconds).filter((file) => !fs.existsSync(path.join(repoRoot, file)))).toEqual([]);
  });
});
