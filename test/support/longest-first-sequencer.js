// Starts the longest suites first, so the run does not end with one slow suite alone on a core while
// the other jest worker has nothing left (the simulation, started last by file size, ran alone for its
// last ten minutes in a fresh-clone CI). Order: failed last time first (jest's own rule), then every
// suite with a known duration, longest first: jest's cache of this machine's last run when it has
// one, otherwise test/support/suite-durations.json; then the rest by file size, as jest would.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const { seconds: expectedSeconds } = require('./suite-durations.json');

const repoRoot = path.resolve(__dirname, '../..');

class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    const bySize = super.sort([...tests]);
    const sizeRank = new Map(bySize.map((test, index) => [test, index]));
    const expectedMs = (test) => {
      const cached = this.time(test);
      if (cached != null) return cached;
      const expected = expectedSeconds[path.relative(repoRoot, test.path).split(path.sep).join('/')];
      return expected == null ? undefined : expected * 1000;
    };
    const weight = new Map(tests.map((test) => [test, expectedMs(test)]));
    return [...tests].sort((a, b) => {
      const failedA = this.hasFailed(a);
      if (failedA !== this.hasFailed(b)) return failedA ? -1 : 1;
      const wa = weight.get(a);
      const wb = weight.get(b);
      if (wa != null && wb != null && wa !== wb) return wb - wa;
      if ((wa != null) !== (wb != null)) return wa != null ? -1 : 1;
      return sizeRank.get(a) - sizeRank.get(b);
    });
  }
}

module.exports = LongestFirstSequencer;
