import { testDataConverter } from '../../support/codec/test-codec';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { NativeConnection, Worker } from '@temporalio/worker';
import { classifierActivities } from '../../../activities/classifier-activities';
import type { ClassifierRegistry } from '../../../activities/classifier/registry/classifier-registry';
import type { RetrainingResult } from '../../../activities/classifier-contract';
import { shippedModel } from '../../../activities/classifier/model/shipped-model';
import { loadDataset, TEST_HASH_PATH } from '../../../activities/classifier/training/load-dataset';
import { ensureRetrainingSchedule } from '../../../workers/classifier-retraining-schedule';
import {
  activitiesHarness,
  uniqueName,
  type ActivitiesHarness,
} from '../../support/activities/activities-harness';
import { testServers, uniqueTaskQueue } from '../../support/servers/test-servers';

/**
 * The weekly retraining Schedule on the dev server, triggered by hand: with no verdicts yet the candidate
 * is the committed model itself (training is deterministic), so nothing changes and intake reports that
 * version; after a flood of wrong verdict examples the candidate is worse on the fixed test split and is
 * not promoted; when a worse model is current, a better candidate replaces it.
 */
describe('classifier retraining schedule', () => {
  let harness: ActivitiesHarness;
  let connection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let registry: ClassifierRegistry;
  const taskQueue = uniqueTaskQueue('retrain');
  const scheduleId = uniqueName('classifier-retraining');
  let worse: RetrainingResult | undefined;

  beforeAll(async () => {
    harness = await activitiesHarness('retrain');
    registry = harness.deps.classifier!;
    connection = await NativeConnection.connect({ address: testServers().temporal.address });
    worker = await Worker.create({
      dataConverter: testDataConverter,
      connection,
      namespace: testServers().temporal.namespace,
      taskQueue,
      workflowsPath: require.resolve('../../../workflows/classifier-retraining'),
      activities: classifierActivities(registry),
    });
    running = worker.run();
  });

  afterAll(async () => {
    await harness?.client.schedule
      .getHandle(scheduleId)
      .delete()
      .catch(() => undefined);
    worker?.shutdown();
    await running;
    await connection?.close();
    await harness?.close();
  });

  async function triggerAndWait(previousActions: number): Promise<RetrainingResult> {
    const schedule = await ensureRetrainingSchedule(harness.client, { taskQueue, scheduleId });
    await schedule.trigger();
    for (;;) {
      const { info } = await schedule.describe();
      if (info.recentActions.length > previousActions) {
        const { workflowId } = info.recentActions.at(-1)!.action.workflow;
        return (await harness.client.workflow.getHandle(workflowId).result()) as RetrainingResult;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it('keeps the committed model when retraining makes the same one, and intake records its version', async () => {
    const shipped = shippedModel();
    const first = await triggerAndWait(0);
    expect(first).toMatchObject({
      candidate: shipped.version,
      current: shipped.version,
      promoted: false,
      reasons: ['candidate is the current model'],
      examples: 0,
    });
    expect(await registry.current()).toBeUndefined();
    const schedule = await harness.client.schedule.getHandle(scheduleId).describe();
    expect(schedule.spec.calendars?.[0]).toMatchObject({
      dayOfWeek: [{ start: 'SUNDAY' }],
      hour: [{ start: 18 }],
    });

    const classification = await harness.activities.classifyContent({
      caseId: 'case-retrain-1',
      text: 'slot gacor maxwin hari ini, depo 10rb',
    });
    expect(classification).toMatchObject({ category: 'online_gambling', modelVersion: shipped.version });
  }, 240_000);

  it('does not promote a worse model trained on wrong verdict examples', async () => {
    const mislabelled = loadDataset()
      .filter((item) => item.split === 'train' && item.label !== 'none')
      .slice(0, 400);
    const record = async (item: (typeof mislabelled)[number], index: number) => {
      const key = `texts/retrain-${index}.txt`;
      await harness.s3.send(new PutObjectCommand({ Bucket: registry.bucket, Key: key, Body: item.text }));
      const digest = createHash('sha256').update(item.text).digest('hex');
      await classifierActivities(registry).recordVerdictExample({
        caseId: `wrong-${index}`,
        label: 'none',
        text: { bucket: registry.bucket, key, sha256: digest, size: Buffer.byteLength(item.text) },
        evidenceKeys: [],
        verdictAt: new Date().toISOString(),
        verifier: 'test-verifier',
      });
    };
    for (let start = 0; start < mislabelled.length; start += 20)
      await Promise.all(mislabelled.slice(start, start + 20).map((item, i) => record(item, start + i)));
    worse = await triggerAndWait(1);
    expect(worse.examples).toBe(400);
    expect(worse.promoted).toBe(false);
    expect(worse.current).toBe(shippedModel().version);
    expect(worse.candidateAccuracy).toBeLessThan(worse.currentAccuracy!);
    expect(worse.reasons.join(' ')).toMatch(/accuracy/);
    expect(await registry.current()).toBeUndefined();
  }, 240_000);

  it('promotes a candidate that is no worse than the current model', async () => {
    // The worse candidate above becomes current (as if promoted by an earlier rule), the wrong examples go.
    await registry.promote({
      version: worse!.candidate,
      promotedAt: new Date().toISOString(),
      testAccuracy: worse!.candidateAccuracy,
      testSplitSha256: fs.readFileSync(TEST_HASH_PATH, 'utf8').trim(),
    });
    const listed = await harness.s3.send(
      new ListObjectsV2Command({ Bucket: registry.bucket, Prefix: 'classifier/examples/' }),
    );
    for (const object of listed.Contents ?? [])
      await harness.s3.send(new DeleteObjectCommand({ Bucket: registry.bucket, Key: object.Key! }));
    const third = await triggerAndWait(2);
    expect(third).toMatchObject({
      candidate: shippedModel().version,
      current: worse!.candidate,
      promoted: true,
      examples: 0,
    });
    expect(third.candidateAccuracy).toBeGreaterThan(third.currentAccuracy!);
    expect((await registry.current())?.version).toBe(shippedModel().version);
  }, 240_000);
});
