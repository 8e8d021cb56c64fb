import { testPayloadKeys } from '../../support/codec/test-codec';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../../lib/ports';
import { activitiesHarness, type ActivitiesHarness } from '../../support/activities/activities-harness';
import { caseClientFor, detectionOf, uniqueUrl, waitFor, waitForCase } from '../../support/case-test-kit';
import { testServers, uniqueTaskQueue } from '../../support/servers/test-servers';
import { spawnEntry, type SpawnedProcess } from '../../support/workers/spawned-process';
import { fetchTaskQueueFor } from '../../../activities/options';

const repoRoot = path.resolve(__dirname, '../../..');

/**
 * The worker process itself (workers/main.ts, as `npm run worker` and the container run it) with
 * SARING_PROMETHEUS_BIND set: the Temporal SDK runtime serves its metrics for Prometheus. SARING_OTEL=console
 * shows the same process's tracing wiring in its output. A child process,
 * because the runtime is global to a process and is installed before any connection.
 */
describe('worker process: Temporal SDK metrics on a Prometheus endpoint', () => {
  let harness: ActivitiesHarness;
  let worker: ChildProcess | undefined;
  let output = '';
  let fetcher: SpawnedProcess | undefined;

  beforeAll(async () => {
    harness = await activitiesHarness('prometheus');
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker!.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await fetcher?.stop();
    await harness?.close();
  });

  it('serves temporal_ task latency, slot and sticky cache metrics after a case has run', async () => {
    const { temporal } = testServers();
    const taskQueue = uniqueTaskQueue('prometheus');
    const bind = `127.0.0.1:${await freePort()}`;
    const config = {
      temporal: {
        address: temporal.address,
        namespace: temporal.namespace,
        taskQueue,
        payloadKeys: testPayloadKeys,
      },
      activities: harness.config,
    };
    worker = spawn(process.execPath, [require.resolve('tsx/cli'), 'workers/main.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        SARING_CONFIG_JSON: JSON.stringify(config),
        SARING_PROMETHEUS_BIND: bind,
        SARING_OTEL: 'console',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(
      async () => output,
      (text) => text.includes('worker polling') || worker!.exitCode !== null,
      'the worker polling',
      90_000,
    );
    expect(output).toContain(`worker metrics for Prometheus on http://${bind}/metrics`);
    // Intake's snapshot runs on the fetch queue: the fetcher process serves it, as beside every case worker.
    fetcher = await spawnEntry(
      'workers/fetcher-main.ts',
      {
        SARING_CONFIG_JSON: JSON.stringify({
          temporal: { ...config.temporal, taskQueue: fetchTaskQueueFor(taskQueue) },
          s3: harness.config.s3,
          fetch: harness.config.fetch,
        }),
      },
      'fetcher polling',
    );

    // A real case through intake (classification, snapshot, notification) on this worker.
    const cases = caseClientFor(harness.client, taskQueue);
    const { caseId } = await cases.submitDetection(
      detectionOf({
        url: uniqueUrl('www.facebook.com', 'prometheus'),
        text: 'Beredar kabar hoaks banjir di Martapura',
      }),
    );
    await waitForCase(
      cases,
      caseId,
      (state) => state.stage === 'verification',
      `${caseId} in verification`,
      60_000,
    );

    const metrics = await waitFor(
      async () => {
        const response = await fetch(`http://${bind}/metrics`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
        return response.text();
      },
      (text) => /^temporal_activity_execution_latency_count\{/m.test(text),
      'the activity latency on the endpoint',
      30_000,
    );
    for (const name of [
      'temporal_workflow_task_schedule_to_start_latency',
      'temporal_workflow_task_execution_latency',
      'temporal_activity_schedule_to_start_latency',
      'temporal_activity_execution_latency',
    ]) {
      expect(metrics).toMatch(new RegExp(`^# TYPE ${name} histogram$`, 'm'));
      expect(metrics).toMatch(
        new RegExp(`^${name}_count\\{[^}]*task_queue="${taskQueue}"[^}]*\\} [1-9]`, 'm'),
      );
    }
    expect(metrics).toMatch(
      /^temporal_worker_task_slots_available\{[^}]*worker_type="WorkflowWorker"[^}]*\} \d+/m,
    );
    expect(metrics).toMatch(
      /^temporal_worker_task_slots_available\{[^}]*worker_type="ActivityWorker"[^}]*\} \d+/m,
    );
    expect(metrics).toMatch(/^temporal_sticky_cache_size\{[^}]*\} [1-9]/m);
    await harness.client.workflow.getHandle(caseId).terminate('prometheus test done');
  });

  it('traces with the production wiring too (SARING_OTEL=console): workflow spans through the sink, activity spans', async () => {
    // Bundled by the worker itself with the package's workflow interceptor module (no prebuilt bundle here).
    await waitFor(
      async () => output,
      (text) => text.includes("name: 'RunActivity:classifyContent'"),
      'an activity span',
      30_000,
    );
    expect(output).toContain("name: 'HandleSignal:detection'");
    expect(output).toContain("name: 'StartActivity:classifyContent'");
    expect(output).toMatch(/'service\.name': 'saring-worker'/);
  });
});
