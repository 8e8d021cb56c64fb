import { openCaseForVerification, startApiTestEnv, type ApiTestEnv } from './api-test-kit';

export interface CaseInVerification {
  env: ApiTestEnv;
  caseId: string;
}

/**
 * For a describe block: an API test env started before its tests with one case, submitted as `detection`,
 * waiting for verification; stopped after them. Read `env` and `caseId` inside the tests (beforeAll sets them).
 */
export function apiEnvWithCaseInVerification(detection: Record<string, unknown>): CaseInVerification {
  const fixture: Partial<CaseInVerification> = {};
  beforeAll(async () => {
    fixture.env = await startApiTestEnv();
    fixture.caseId = await openCaseForVerification(fixture.env, detection);
  });
  afterAll(async () => {
    await fixture.env?.stop();
  });
  return fixture as CaseInVerification;
}
