/**
 * The case bundle's first preloaded module turns off stack frames in workflow errors
 * (workflows/lean-stack-traces.ts), because the SDK's per-promise stack bookkeeping paid for them on every
 * promise. The probe runs in a worker with the case bundle's preloading and in one without it, which is
 * how `saring audit replay` bundles, so that a replay still shows where an error was thrown.
 */
import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { connectDevServer, type DevServer } from '../../support/case-test-kit';
import { quietLogger } from '../../support/servers/quiet-logger';
import { executeInBundle } from '../../support/workers/bundle-runner';
import { caseBundlerOptions } from '../../../workers/workflow-bundling';
import type { stackTraceProbe } from '../../fixtures/workflows/stack-trace-probe-workflows';

const workflowsPath = require.resolve('../../fixtures/workflows/stack-trace-probe-workflows');

describe('stack frames in workflow errors', () => {
  let server: DevServer;

  beforeAll(async () => {
    server = await connectDevServer();
  });
  afterAll(() => server?.close());

  async function probe(bundle: WorkflowBundle) {
    const [result] = await executeInBundle<typeof stackTraceProbe>(
      server,
      bundle,
      'stackTraceProbe',
      [[]],
      'stack-traces',
    );
    if (!result) throw new Error('the probe workflow returned nothing');
    return result;
  }

  it('are off in the case bundle and on in a bundle without its preloading', async () => {
    const [lean, plain] = await Promise.all([
      bundleWorkflowCode({ workflowsPath, logger: quietLogger, ...caseBundlerOptions() }),
      bundleWorkflowCode({ workflowsPath, logger: quietLogger }),
    ]);
    expect(await probe(lean)).toEqual({ limit: 0, frames: 0 });
    const withFrames = await probe(plain);
    expect(withFrames.limit).toBeGreaterThan(0);
    expect(withFrames.frames).toBeGreaterThan(0);
  }, 120_000);
});
