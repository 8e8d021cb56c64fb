import fc from 'fast-check';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { CASE_UPDATE_NAMES, CASE_UPDATE_SCHEMAS } from '../../../domain';
import { caseUpdates } from '../../../workflows/messages';
import {
  actorOf,
  historyLengthOf,
  openCaseForVerification,
  startApiTestEnv,
  type ApiTestEnv,
} from '../../support/api/api-test-kit';
import { uniqueUrl } from '../../support/case-test-kit';
import { FUZZ_SEED, FUZZ_UPDATE_RUNS, hostileJson, hostileString } from '../../support/fuzz/hostile-values';

/**
 * Every case update gets FUZZ_UPDATE_RUNS payloads its zod schema refuses, sent straight to the workflow
 * (no API in between) on a real worker: the workflow's validator must refuse each one, before anything
 * is recorded, and the worker must keep answering. Sent 16 at a time to keep the run short.
 */
const CONCURRENCY = 16;

describe(`fuzz: every workflow update refuses ${FUZZ_UPDATE_RUNS} bad payloads (seed ${FUZZ_SEED})`, () => {
  let env: ApiTestEnv;
  let caseId: string;
  const counts: string[] = [];

  beforeAll(async () => {
    console.log(`fuzz seed ${FUZZ_SEED} (replay: FUZZ_SEED=${FUZZ_SEED} npx jest test/integration/fuzz)`);
    env = await startApiTestEnv();
    caseId = await openCaseForVerification(env, { url: uniqueUrl('www.tiktok.com', 'fuzz-updates') });
  });
  afterAll(async () => {
    if (counts.length) console.log(`fuzz (workflow updates), seed ${FUZZ_SEED}:\n${counts.join('\n')}`);
    await env?.stop();
  });

  const actors = fc.oneof(
    fc.constantFrom(actorOf('supervisor'), actorOf('verifier'), actorOf('pr'), actorOf('police')),
    hostileJson,
    fc.record({ officerId: hostileString, role: hostileString }),
  );

  it(
    'refuses every payload its schema refuses, records nothing, and the worker keeps answering',
    async () => {
      const historyBefore = await historyLengthOf(env, caseId);
      const handle = env.client.workflow.getHandle(caseId);
      for (const name of CASE_UPDATE_NAMES) {
        const schema = CASE_UPDATE_SCHEMAS[name];
        const payloads = fc
          .oneof(
            hostileJson,
            fc
              .tuple(actors, fc.dictionary(hostileString, hostileJson, { maxKeys: 4 }))
              .map(([actor, fields]) => ({ ...fields, actor })),
            fc.tuple(actors, hostileJson).map(([actor, junk]) => ({ actor, x_fuzz: junk })),
          )
          .filter((payload) => !schema.safeParse(payload).success);
        const inputs = fc.sample(payloads, { numRuns: FUZZ_UPDATE_RUNS, seed: FUZZ_SEED });
        let refused = 0;
        const accepted: unknown[] = [];
        for (let start = 0; start < inputs.length; start += CONCURRENCY) {
          await Promise.all(
            inputs.slice(start, start + CONCURRENCY).map(async (payload) => {
              try {
                await handle.executeUpdate(caseUpdates[name] as never, { args: [payload] as never });
                accepted.push(payload);
              } catch (error) {
                if (!(error instanceof WorkflowUpdateFailedError)) throw error;
                refused += 1;
              }
            }),
          );
        }
        counts.push(
          `  ${name.padEnd(22)} tried ${inputs.length}  refused ${refused}  accepted ${accepted.length}`,
        );
        expect([name, accepted.slice(0, 3)]).toEqual([name, []]);
      }
      expect(await historyLengthOf(env, caseId)).toBe(historyBefore);
      expect((await env.as('supervisor').get(`/api/cases/${caseId}`)).body.stage).toBe('verification');
    },
    Math.max(120_000, FUZZ_UPDATE_RUNS * CASE_UPDATE_NAMES.length * 300),
  );
});
