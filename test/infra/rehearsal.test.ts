import fs from 'node:fs';
import path from 'node:path';
import { rehearse } from '../../rehearsal/rehearse';
import { StepFailed } from '../../rehearsal/steps';
import { REPO_ROOT } from '../../toolchain/paths';

const API_STEP = 'API (exactly the template environment) and its load balancer health check';

/**
 * The shortened rehearsal (`npm run rehearse -- --shortened` does the same): the synthesized self-hosted estate
 * runs on this machine from its templates, up to a healthy API. It reuses the cached Temporal server build
 * (`npm run rehearse` builds it once) and needs root for the per-task namespaces.
 */
describe('rehearsal of the synthesized self-hosted estate', () => {
  fs.mkdirSync(path.join(REPO_ROOT, '.data'), { recursive: true });
  const runDir = fs.mkdtempSync(path.join(REPO_ROOT, '.data', 'rehearsal-test-'));
  afterAll(() => fs.rmSync(runDir, { recursive: true, force: true }));

  it('brings up schema, the four roles, the namespace with its search attributes, the worker and the API', async () => {
    const lines: string[] = [];
    const failure = await rehearse({ runDir, driveCase: false, log: (line) => lines.push(line) }).then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    // Any step before the API failing is reported as it is.
    if (failure !== undefined && !(failure instanceof StepFailed && failure.step === API_STEP)) throw failure;
    for (const done of [
      'schema task (deploy-time run before the servers): ok',
      'Temporal services: frontend, history, matching, worker: ok',
      'the 9 custom search attributes are registered on the namespace: ok',
      'worker (exactly the template environment): ok',
    ]) {
      expect(lines.some((line) => line.includes(done))).toBe(true);
    }
    expect(lines.at(-1)).toBe('stopped everything the rehearsal started');
    if (failure !== undefined) {
      // Known-open defect 4 until the identity and reporter-vault work lands: the API reads an officer directory
      // and a vault file that nothing provides in its read-only container. Anything else is a failure.
      expect(failure).toBeInstanceOf(StepFailed);
      expect(failure.message).toContain(API_STEP);
      expect(failure.message).toMatch(/ENOENT.*(officers|reporter-vault)/);
      console.warn(`known-open defect 4 (rehearsal): ${failure.message.split('\n')[0]}`);
    } else {
      expect(lines.some((line) => line.includes(`${API_STEP}: ok`))).toBe(true);
    }
  }, 600_000);
});
