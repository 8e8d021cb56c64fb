/**
 * The case bundle preloads domain/ and zod once per V8 context, and the SDK freezes them
 * (workflows/shared-schemas.ts). Frozen shared schemas must parse exactly as fresh per-workflow ones do:
 * the same valid and hostile samples go through a worker with the case bundle's preloading and one
 * without it, and the outcomes (outputs, or each issue's code, path and message) must be equal.
 */
import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { connectDevServer, type DevServer } from '../../support/case-test-kit';
import { FUZZ_SEED } from '../../support/fuzz/hostile-values';
import type { ParseSample } from '../../support/parse-samples';
import { schemaSamples } from '../../support/schema-samples';
import { quietLogger } from '../../support/servers/quiet-logger';
import { executeInBundle } from '../../support/workers/bundle-runner';
import { caseBundlerOptions } from '../../../workers/workflow-bundling';
import type { parseWithSharedSchemas } from '../../fixtures/workflows/shared-schema-workflows';

const SAMPLES_PER_WORKFLOW = 150;
const WORKFLOWS = 3;
const workflowsPath = require.resolve('../../fixtures/workflows/shared-schema-workflows');

describe('domain schemas shared across workflows (preloaded and frozen by the SDK)', () => {
  let shared: WorkflowBundle;
  let perWorkflow: WorkflowBundle;
  let server: DevServer;

  beforeAll(async () => {
    shared = await bundleWorkflowCode({ workflowsPath, logger: quietLogger, ...caseBundlerOptions() });
    perWorkflow = await bundleWorkflowCode({ workflowsPath, logger: quietLogger });
    server = await connectDevServer();
  });

  afterAll(() => server?.close());

  // A parse that throws on a frozen schema fails the workflow task; executeInBundle's timeout ends it.
  const parseIn = (bundle: WorkflowBundle, batches: ParseSample[][]) =>
    executeInBundle<typeof parseWithSharedSchemas>(
      server,
      bundle,
      'parseWithSharedSchemas',
      batches.map((samples) => [samples]),
      'shared-schemas',
    );

  it('parses valid and hostile samples exactly as per-workflow schemas do, in several workflows', async () => {
    console.log(`shared-schemas seed ${FUZZ_SEED} (FUZZ_SEED=${FUZZ_SEED} replays it)`);
    const batches = Array.from({ length: WORKFLOWS }, (_, offset) =>
      schemaSamples(FUZZ_SEED + offset, SAMPLES_PER_WORKFLOW),
    );
    const frozen = await parseIn(shared, batches);
    const fresh = await parseIn(perWorkflow, batches);
    expect(frozen.map((r) => r.frozen)).toEqual(batches.map(() => true));
    expect(fresh.map((r) => r.frozen)).toEqual(batches.map(() => false));
    expect(frozen.map((r) => r.outcomes)).toEqual(fresh.map((r) => r.outcomes));
    const accepted = frozen.flatMap((r) => r.outcomes).filter((o) => o.success).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(SAMPLES_PER_WORKFLOW * WORKFLOWS);
  });
});
