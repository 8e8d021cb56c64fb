import { TestWorkflowEnvironment } from '@temporalio/testing';
import { testDataConverter } from '../codec/test-codec';
import { readManifest } from '../../../toolchain/manifest';

/**
 * A time-skipping test server of its own for one test file: time skipping is global to a server, so
 * files must not share one. The Java server comes from the toolchain (never downloaded at run time).
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const manifest = readManifest();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: manifest.temporalTestServer.path } },
    client: { dataConverter: testDataConverter },
  });
}
