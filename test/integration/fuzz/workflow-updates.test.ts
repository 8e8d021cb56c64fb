import fc from 'fast-check';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { CASE_UPDATE_NAMES, CASE_UPDATE_SCHEMAS, type CaseUpdateName } from '../../../domain';
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
 * is recorded, and the worker must keep answering. Fast enough for CI at 1,000 per update: each update
 * type has a case of its own, all update types run at once, and each case gets IN_FLIGHT_PER_CASE
 * updates at a time (the server's default limit of in-flight updates per workflow is 10), so one
 * workflow task validates several of them and many cases keep the worker busy.
 */
const IN_FLIGHT_PER_CASE = 8;

describe(`fuzz: every workflow update refuses ${FUZZ_UPDATE_RUNS} bad payloads (seed ${FUZZ_SEED})`, () => {
  let env: ApiTestEnv;
  const caseIds = new Map<string, string>();
  const counts: string[] = [];

  beforeAll(async () => {
    console.log(`fuzz seed ${FUZZ_SEED} (replay: FUZZ_SEED=${FUZZ_SEED} npx jest test/integration/fuzz)`);
    env = await startApiTestEnv();
    const ids = await Promise.all(
      CASE_UPDATE_NAMES.map((name) =>
        openCaseForVerification(env, { url: uniqueUrl('www.tiktok.com', `fuzz-${name}`) }),
      ),
    );
    CASE_UPDATE_NAMES.forEach((name, i) => caseIds.set(name, ids[i]!));
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

  /** Sends every payload, IN_FLIGHT_PER_CASE at a time; returns how many were refused and the accepted ones. */
  async function sendAll(caseId: string, name: CaseUpdateName, inputs: unknown[]) {
    const handle = env.client.workflow.getHandle(caseId);
    let refused = 0;
    let next = 0;
    const accepted: unknown[] = [];
    const lane = async () => {
      while (next < inputs.length) {
        const payload = inputs[next++];
        try {
          await handle.executeUpdate(caseUpdates[name] as never, { args: [payload] as never });
          accepted.push(payload);
        } catch (error) {
          if (!(error instanceof WorkflowUpdateFailedError)) throw error;
          refused += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT_PER_CASE }, lane));
    return { refused, accepted };
  }

  it(
    'refuses every payload its schema refuses, records nothing, and the worker keeps answering',
    async () => {
      const historyBefore = new Map(
        await Promise.all(
          [...caseIds.values()].map(async (id) => [id, await historyLengthOf(env, id)] as const),
        ),
      );
      const startedAt = Date.now();
      const results = await Promise.all(
        CASE_UPDATE_NAMES.map(async (name) => {
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
          return { name, tried: inputs.length, ...(await sendAll(caseIds.get(name)!, name, inputs)) };
        }),
      );
      const seconds = (Date.now() - startedAt) / 1000;
      for (const { name, tried, refused, accepted } of results)
        counts.push(`  ${name.padEnd(22)} tried ${tried}  refused ${refused}  accepted ${accepted.length}`);
      const total = results.reduce((sum, r) => sum + r.tried, 0);
      counts.push(
        `  ${'all updates'.padEnd(22)} tried ${total}  refused ${results.reduce((sum, r) => sum + r.refused, 0)}  accepted ${results.reduce((sum, r) => sum + r.accepted.length, 0)}  in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} updates/s)`,
      );
      for (const { name, tried, refused, accepted } of results) {
        expect([name, accepted.slice(0, 3)]).toEqual([name, []]);
        expect([name, tried, refused]).toEqual([name, FUZZ_UPDATE_RUNS, FUZZ_UPDATE_RUNS]);
      }
      const after = await Promise.all(
        [...historyBefore.keys()].map(async (caseId) => ({
          caseId,
          history: await historyLengthOf(env, caseId),
          stage: (await env.as('supervisor').get<{ stage: string }>(`/api/cases/${caseId}`)).body.stage,
        })),
      );
      expect(after).toEqual(
        [...historyBefore].map(([caseId, history]) => ({ caseId, history, stage: 'verification' })),
      );
    },
    Math.max(180_000, FUZZ_UPDATE_RUNS * 300),
  );
});
