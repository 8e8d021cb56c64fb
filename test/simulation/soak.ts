import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadDefaultPolicy } from '../../policy';
import { bundleCaseWorkflows } from '../support/case-test-kit';
import { startTimeSkippingLanes } from './sim-harness';
import { describeFailure, simulateSeeds, summarize, type ScriptResult } from './simulate';
import { simulationSettings } from './settings';

/**
 * The soak: `npm run soak` runs 5,000 scripts (SARING_SIM_SCRIPTS, SARING_SIM_FIRST_SEED,
 * SARING_SIM_LANES and SARING_SIM_SEED as for the jest run) outside jest, printing progress,
 * every failure with its seed, script and replay command, and the summary. Exits 1 on a failure.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const settings = simulationSettings(process.env, { scripts: 5_000 });
  const policy = loadDefaultPolicy();
  const lanes = await startTimeSkippingLanes(settings.lanes, await bundleCaseWorkflows(), policy);
  const started = Date.now();
  let done = 0;
  let failed = 0;
  try {
    const onResult = (result: ScriptResult) => {
      done += 1;
      if (result.unexpected.length > 0) {
        failed += 1;
        console.error(describeFailure(result));
      }
      if (process.env.SARING_SIM_VERBOSE === '1') {
        console.log(
          `seed ${result.seed}: ${(result.ms / 1000).toFixed(1)} s ${result.paths.join(' ')}${result.record?.lockReleases ? ` locks-released:${result.record.lockReleases}` : ''}${result.record?.timerGuardSteps ? ` timer-guard:${result.record.timerGuardSteps}` : ''} ${result.unexpected.map((violation) => violation.invariant).join(',')}${result.known.map((known) => ` known:${known.defect.id}`).join('')}`,
        );
      }
      if (done % 100 === 0)
        console.log(
          `${done}/${settings.seeds.length} scripts, ${failed} failing, ${((Date.now() - started) / 1000).toFixed(0)} s`,
        );
    };
    const results = await simulateSeeds(settings.seeds, lanes.harnesses, policy, {
      onResult,
      replaceLane: (harness) => lanes.replace(harness),
    });
    console.log(summarize(results, Date.now() - started));
    process.exitCode = failed > 0 ? 1 : 0;
  } finally {
    await lanes.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
