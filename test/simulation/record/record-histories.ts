import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { freePort } from '../../../lib/ports';
import { startTemporalDevServer } from '../../../local/temporal-dev-server';
import { readManifest } from '../../../toolchain/manifest';
import packageJson from '../../../package.json';
import { bundleCaseWorkflows, fixtureHistoriesOf } from '../../support/case-test-kit';
import {
  CorpusFileExistsError,
  readCorpus,
  writeCorpusFixture,
  type CorpusFixture,
} from '../../support/history-corpus';
import { generateScript } from '../generator';
import { terminalPath } from '../paths';
import {
  realClock,
  startSimWorker,
  startTimeSkippingLanes,
  WorldRouter,
  type SimHarness,
} from '../sim-harness';
import { describeFailure, simulateSeeds } from '../simulate';
import type { CaseScript } from '../script';
import { FAST_RECORDING_POLICY } from './fast-policy';
import { testDataConverter } from '../../support/codec/test-codec';

/**
 * `npm run record:histories`: runs simulator scripts on a real Temporal dev server (the toolchain's
 * CLI, as the integration harness starts it) under a minutes-long policy, and adds one history file
 * per terminal path not yet in the corpus of this release: test/fixtures/histories/<version>/<path>.json
 * (every run of the case and of its children). Existing files are never replaced.
 *
 * Which seeds: first SARING_RECORD_CANDIDATES (default 300) scripts from SARING_RECORD_FIRST_SEED
 * (default 1) run on time-skipping servers (a minute or two), and the first seed of every terminal
 * path not yet in the corpus is kept (SARING_RECORD_SEEDS caps how many, default 40); those run on
 * the dev server, SARING_RECORD_LANES (default 12) at once. A dev-server run may take another path
 * than its time-skipping preview (real time, real races): it is recorded under the path it took.
 * SARING_RECORD_SEED_LIST=3,17,... records exactly those seeds instead. SARING_RECORD_EVERY_PATH=1
 * records one seed of every missing path, not only the paths that add a missing feature.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** Outages and note storms are for the simulator's invariants; recordings keep to the paths. */
function recordingScript(seed: number): CaseScript {
  const script = generateScript(seed, FAST_RECORDING_POLICY);
  return {
    ...script,
    world: { ...script.world, outages: [] },
    steps: script.steps.filter((step) => step.op !== 'outage' && step.op !== 'notes'),
  };
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const version = packageJson.version;
  const manifest = readManifest();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-record-'));
  const server = await startTemporalDevServer({
    cliPath: manifest.temporalCli.path,
    dbFile: path.join(workDir, 'temporal.sqlite'),
    port: await freePort(),
    namespace: 'default',
    logFile: path.join(workDir, 'temporal.log'),
  });
  const connection = await Connection.connect({ address: server.address });
  const nativeConnection = await NativeConnection.connect({ address: server.address });
  const worlds = new WorldRouter();
  const taskQueue = 'case-recorder';
  const worker = await startSimWorker(nativeConnection, await bundleCaseWorkflows(), taskQueue, worlds);
  // The worker encodes payloads with the test codec (startSimWorker): the client reads them with it.
  const client = new Client({ connection, namespace: 'default', dataConverter: testDataConverter });
  const minute = 60_000;
  const lanes: SimHarness[] = Array.from({ length: env('SARING_RECORD_LANES', 12) }, () => ({
    client,
    taskQueue,
    clock: realClock(),
    policy: FAST_RECORDING_POLICY,
    worlds,
    closeTimeoutMs: 30 * minute,
    closeStepMs: 15_000,
    closeWithinMs: 25 * minute,
    maxStepMs: 2 * minute,
  }));
  const known = new Set(
    readCorpus()
      .filter((entry) => entry.version === version)
      .map((entry) => entry.file.replace(/\.json$/, '')),
  );
  const { seeds, stopPreview } = await pickSeeds(known);
  const written: string[] = [];
  console.log(
    `recording up to ${seeds.length} scripts on the dev server ${server.address} for version ${version} (${known.size} paths already recorded)`,
  );
  try {
    const results = await simulateSeeds(seeds, lanes, FAST_RECORDING_POLICY, {
      onResult: (result) => {
        console.log(`seed ${result.seed}: ${result.paths.join(', ')} (${(result.ms / 1000).toFixed(0)} s)`);
        if (result.unexpected.length > 0) console.log(describeFailure(result).split('\n  script:')[0]);
      },
      scriptFor: recordingScript,
    });
    for (const result of results) {
      for (const facts of result.cases) {
        const name = terminalPath(facts).toLowerCase();
        if (facts.status !== 'COMPLETED' || known.has(name)) continue;
        known.add(name);
        const histories = await fixtureHistoriesOf(client, [
          facts.workflowId,
          ...facts.children.map((child) => child.workflowId),
        ]);
        const fixture: CorpusFixture = {
          name,
          sdk: '@temporalio/worker 1.24.0',
          recorded: {
            server: `temporal dev server (${path.basename(path.dirname(manifest.temporalCli.path))})`,
            packageVersion: version,
            policyVersion: FAST_RECORDING_POLICY.version,
            seed: result.seed,
            at: new Date().toISOString(),
          },
          histories,
        };
        try {
          written.push(writeCorpusFixture(version, name, fixture));
        } catch (error) {
          if (!(error instanceof CorpusFileExistsError)) throw error;
          console.log(error.message);
        }
      }
    }
    console.log(
      `wrote ${written.length} new history file(s):\n  ${written.map((file) => path.relative(process.cwd(), file)).join('\n  ')}`,
    );
  } finally {
    await worker.stop();
    await stopPreview();
    await connection.close();
    await nativeConnection.close();
    await server.stop();
  }
}

/**
 * The seeds worth recording: one per terminal path the corpus of this version lacks, found by
 * previewing candidate scripts on time-skipping servers (seconds per script instead of minutes).
 */
async function pickSeeds(known: Set<string>): Promise<{ seeds: number[]; stopPreview: () => Promise<void> }> {
  const listed = process.env.SARING_RECORD_SEED_LIST;
  if (listed) {
    const seeds = listed.split(',').map((raw) => Number(raw.trim()));
    if (seeds.some((seed) => !Number.isInteger(seed) || seed < 1))
      throw new Error(`SARING_RECORD_SEED_LIST must be whole numbers separated by commas, not ${listed}`);
    return { seeds, stopPreview: async () => undefined };
  }
  const first = env('SARING_RECORD_FIRST_SEED', 1);
  const candidates = Array.from(
    { length: env('SARING_RECORD_CANDIDATES', 300) },
    (_, index) => first + index,
  );
  console.log(
    `previewing ${candidates.length} scripts on time-skipping servers to find paths not recorded yet`,
  );
  const lanes = await startTimeSkippingLanes(3, await bundleCaseWorkflows(), FAST_RECORDING_POLICY);
  const picked = new Map<string, number>();
  {
    await simulateSeeds(candidates, lanes.harnesses, FAST_RECORDING_POLICY, {
      onResult: (result) => {
        for (const name of result.paths.map((pathName) => pathName.toLowerCase()))
          if (!known.has(name) && !picked.has(name) && !name.startsWith('ended-'))
            picked.set(name, result.seed);
      },
      scriptFor: recordingScript,
      replaceLane: (harness) => lanes.replace(harness),
    });
  }
  const everyPath = process.env.SARING_RECORD_EVERY_PATH === '1';
  const chosen = (everyPath ? [...picked] : coveringPaths(known, picked)).slice(
    0,
    env('SARING_RECORD_SEEDS', 40),
  );
  console.log(
    `paths not recorded yet: ${picked.size}; recording ${chosen.length}${everyPath ? ' (every path)' : ' that together add every path feature missing'}:\n  ${chosen.map(([name, seed]) => `${name} (seed ${seed})`).join('\n  ')}`,
  );
  // The preview servers stop at the very end: tearing them down earlier closes channels still in use.
  return { seeds: [...new Set(chosen.map(([, seed]) => seed))], stopPreview: () => lanes.stop() };
}

/**
 * Greedy cover: path names are made of features (resolution, verdict, takedown results, police,
 * statements, sla-breach, reupload, closed-early, continued-as-new...). Paths are taken one by one,
 * each time the one adding most features no recorded path has, until none adds any; recording every
 * combination would take hours of real time.
 */
function coveringPaths(known: Set<string>, picked: Map<string, number>): [string, number][] {
  const features = (name: string) => name.split('.');
  const covered = new Set([...known].flatMap(features));
  const left = new Map(picked);
  const chosen: [string, number][] = [];
  for (;;) {
    let best: [string, number] | undefined;
    let bestGain = 0;
    for (const [name, seed] of left) {
      const gain = new Set(features(name).filter((feature) => !covered.has(feature))).size;
      if (gain > bestGain) [best, bestGain] = [[name, seed], gain];
    }
    if (!best) return chosen;
    chosen.push(best);
    left.delete(best[0]);
    for (const feature of features(best[0])) covered.add(feature);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
