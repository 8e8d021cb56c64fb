import { loadDefaultPolicy } from '../../policy';
import { bundleCaseWorkflows } from '../support/case-test-kit';
import { startTimeSkippingLanes } from './sim-harness';
import { simulateSeeds } from './simulate';

/**
 * A lane whose time-skipping server lost the lock on its clock (runaway-clock.ts), made on purpose by
 * releasing the environment's own lock while nothing runs: the clock then races a waiting case to its
 * run timeout, as it did to seed 290 in CI. The runner must notice, and the script must not count as a
 * failed case when a fresh server can run it again.
 */
describe('a lane whose time-skipping clock runs free', () => {
  let lanes: Awaited<ReturnType<typeof startTimeSkippingLanes>>;
  const policy = loadDefaultPolicy();
  const SEED = 290;

  beforeAll(async () => {
    lanes = await startTimeSkippingLanes(1, await bundleCaseWorkflows(), policy);
  }, 180_000);

  afterAll(async () => {
    await lanes?.stop();
  });

  it('stops the script with the reason, then runs it again on a fresh server', async () => {
    const [broken] = lanes.harnesses;
    expect(await broken!.clock.releaseLeakedLock?.()).toBe(true);

    const [alone] = await simulateSeeds([SEED], [broken!], policy);
    expect(alone!.record?.clockRanAway).toMatch(/time-skipping clock moved \d+\.\d+ h where/);
    expect(alone!.unexpected.map((violation) => violation.message)).toEqual([
      expect.stringMatching(/^the script was stopped: the time-skipping clock moved/),
    ]);

    const [rerun] = await simulateSeeds([SEED], [broken!], policy, {
      replaceLane: (harness) => lanes.replace(harness),
    });
    expect(rerun!.rerunAfter).toMatch(/time-skipping clock moved/);
    expect(rerun!.record?.clockRanAway).toBeUndefined();
    expect(rerun!.unexpected).toEqual([]);
    expect(rerun!.cases.length).toBeGreaterThan(0);
    // The lane list names the fresh server now, not the broken one.
    expect(lanes.harnesses[0]).not.toBe(broken);
  }, 240_000);
});
