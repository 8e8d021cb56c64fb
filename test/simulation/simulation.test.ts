import { loadDefaultPolicy } from '../../policy';
import { bundleCaseWorkflows } from '../support/case-test-kit';
import { startTimeSkippingLanes } from './sim-harness';
import { describeFailure, simulateSeeds, summarize } from './simulate';
import { simulationSettings } from './settings';

/**
 * The case simulator (model-based test): seeded scripts drive the real workflow code on
 * time-skipping servers with scripted activities that validate like the real ones; after each script
 * the invariants (invariants.ts) must hold. `SARING_SIM_SEED=<n>` runs one script alone;
 * `SARING_SIM_SCRIPTS`, `SARING_SIM_FIRST_SEED` and `SARING_SIM_LANES` size the batch.
 */
const settings = simulationSettings();

describe(`case simulator: ${settings.seeds.length} seeded script(s) on ${settings.lanes} time-skipping server(s)`, () => {
  let lanes: Awaited<ReturnType<typeof startTimeSkippingLanes>>;
  const policy = loadDefaultPolicy();

  beforeAll(async () => {
    lanes = await startTimeSkippingLanes(settings.lanes, await bundleCaseWorkflows(), policy);
  }, 180_000);

  afterAll(async () => {
    await lanes?.stop();
  });

  it(
    'every script keeps every invariant (or fails with its seed, script and replay command)',
    async () => {
      const started = Date.now();
      const results = await simulateSeeds(settings.seeds, lanes.harnesses, policy, {
        replaceLane: (harness) => lanes.replace(harness),
      });
      console.log(summarize(results, Date.now() - started));
      const failures = results.filter((result) => result.unexpected.length > 0);
      if (failures.length > 0) console.error(failures.slice(0, 5).map(describeFailure).join('\n\n'));
      expect(results).toHaveLength(settings.seeds.length);
      expect(
        failures.map(
          (result) =>
            `seed ${result.seed}: ${result.unexpected.map((violation) => `[${violation.invariant}] ${violation.message}`).join(' | ')}`,
        ),
      ).toEqual([]);
    },
    settings.timeoutMs,
  );
});
