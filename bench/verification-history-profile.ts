/**
 * `npm run bench:verification-history`: what a typical case writes to its history before an officer
 * acts (issue 14's "history at verification"), event by event with its JSON size, and the same case's
 * intake timing (detection to "verification"). The real case workflow and the real rule classifier on a
 * dev server of its own, the platform's payload codec; the other activities are the scripted doubles
 * (test/support/scripted-activities.ts), which parse their input with the real schemas.
 *
 * Options: --cases N (default 5) cases measured; --dump true prints every event of the first case.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { NativeConnection } from '@temporalio/worker';
import { classificationActivities } from '../activities/classify-content';
import { startTemporalDevServer } from '../local/temporal-dev-server';
import { freePort } from '../lib/ports';
import { readManifest } from '../toolchain/manifest';
import { createCaseAndFetchWorkers } from '../test/support/workers/case-and-fetch-workers';
import { ScriptedActivities } from '../test/support/scripted-activities';
import { testDataConverter } from '../test/support/codec/test-codec';
import { bundleCaseWorkflows, caseClientFor, detectionOf, waitForCase } from '../test/support/case-test-kit';

const Args = z.object({
  cases: z.coerce.number().int().min(1).max(100).default(5),
  dump: z.enum(['true', 'false']).default('false'),
});

function parseArgs(argv: string[]): z.infer<typeof Args> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    if (!flag.startsWith('--') || argv[i + 1] === undefined)
      throw new Error(`expected --name value pairs, got "${flag}"; options: --cases N, --dump true`);
    raw[flag.slice(2)] = argv[i + 1]!;
  }
  const parsed = Args.strict().safeParse(raw);
  if (!parsed.success)
    throw new Error(`bad options: ${parsed.error.message}; options: --cases N, --dump true`);
  return parsed.data;
}

type Event = temporal.api.history.v1.IHistoryEvent;
const EventType = temporal.api.enums.v1.EventType;

/** A short label: the event type and what it is about (activity, marker, signal, update). */
function describe(event: Event, activityNames: Map<string, string>): string {
  const type = EventType[event.eventType ?? 0]!.replace('EVENT_TYPE_', '');
  const scheduled = event.activityTaskScheduledEventAttributes;
  if (scheduled) {
    activityNames.set(String(event.eventId), scheduled.activityType?.name ?? '?');
    return `${type} ${scheduled.activityType?.name}`;
  }
  const attrs =
    event.activityTaskStartedEventAttributes ??
    event.activityTaskCompletedEventAttributes ??
    event.activityTaskFailedEventAttributes;
  if (attrs && 'scheduledEventId' in attrs)
    return `${type} ${activityNames.get(String(attrs.scheduledEventId)) ?? ''}`;
  if (event.markerRecordedEventAttributes) {
    const details = event.markerRecordedEventAttributes.details ?? {};
    const patchId = details['patch_data'] ? '(patch)' : '';
    return `${type} ${event.markerRecordedEventAttributes.markerName} ${patchId}`;
  }
  if (event.workflowExecutionSignaledEventAttributes)
    return `${type} ${event.workflowExecutionSignaledEventAttributes.signalName}`;
  if (event.upsertWorkflowSearchAttributesEventAttributes)
    return `${type} [${Object.keys(
      event.upsertWorkflowSearchAttributesEventAttributes.searchAttributes?.indexedFields ?? {},
    )
      .sort()
      .join(',')}]`;
  return type;
}

const jsonBytes = (event: Event) =>
  Buffer.byteLength(historyToJSON(temporal.api.history.v1.History.create({ events: [event] })));

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-verification-history-'));
  process.stderr.write('starting a dev server and a worker (bundling the workflows takes a while)...\n');
  const server = await startTemporalDevServer({
    cliPath: readManifest().temporalCli.path,
    dbFile: path.join(dir, 'profile.sqlite'),
    port: await freePort(),
    namespace: 'default',
    logFile: path.join(dir, 'temporal.log'),
  });
  try {
    const connection = await Connection.connect({ address: server.address });
    const native = await NativeConnection.connect({ address: server.address });
    const client = new Client({ connection, namespace: 'default', dataConverter: testDataConverter });
    const scripted = new ScriptedActivities();
    const taskQueue = 'profile-verification';
    const worker = await createCaseAndFetchWorkers({
      connection: native,
      taskQueue,
      dataConverter: testDataConverter,
      workflowBundle: await bundleCaseWorkflows(),
      activities: { ...scripted.activities(), ...classificationActivities() },
    });
    const cases = caseClientFor(client, taskQueue);
    await worker.runUntil(async () => {
      const byLabel = new Map<string, { count: number; bytes: number }>();
      let totalEvents = 0;
      let totalBytes = 0;
      const intakeMs: number[] = [];
      for (let i = 0; i < args.cases; i += 1) {
        const started = Date.now();
        const { caseId } = await cases.submitDetection(
          detectionOf({
            url: `https://slot-gacor-${i}-${Date.now().toString(36)}.example/promo`,
            text: 'Slot gacor maxwin, deposit pulsa',
            suggestedCategory: 'online_gambling',
            platform: 'website',
          }),
        );
        await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
        intakeMs.push(Date.now() - started);
        // The bench's point: the workflow task after the last intake step has completed.
        let history = await client.workflow.getHandle(caseId).fetchHistory();
        for (
          let tries = 0;
          tries < 100 && history.events?.at(-1)?.workflowTaskCompletedEventAttributes === undefined;
          tries += 1
        ) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          history = await client.workflow.getHandle(caseId).fetchHistory();
        }
        await new Promise((resolve) => setTimeout(resolve, 1500));
        history = await client.workflow.getHandle(caseId).fetchHistory();
        const activityNames = new Map<string, string>();
        if (i === 0 && args.dump === 'true') console.log(`\n${caseId}: every event (bytes as JSON)`);
        for (const event of history.events ?? []) {
          const label = describe(event, activityNames);
          const bytes = jsonBytes(event);
          if (i === 0 && args.dump === 'true')
            console.log(`${String(event.eventId).padStart(3)} ${String(bytes).padStart(6)}  ${label}`);
          if (i === 0 && process.env.PROFILE_RAW)
            console.log(historyToJSON(temporal.api.history.v1.History.create({ events: [event] })));
          const key = label.replace(/ \(patch\)$/, '');
          const row = byLabel.get(key) ?? { count: 0, bytes: 0 };
          row.count += 1;
          row.bytes += bytes;
          byLabel.set(key, row);
        }
        totalEvents += history.events?.length ?? 0;
        totalBytes += Buffer.byteLength(historyToJSON(history));
      }
      const n = args.cases;
      console.log(
        `\nHistory at verification, mean of ${n} cases: ${(totalEvents / n).toFixed(1)} events, ${(totalBytes / n / 1024).toFixed(1)} KB JSON`,
      );
      console.log('events/case  KB/case  event');
      for (const [label, row] of [...byLabel].sort((a, b) => b[1].bytes - a[1].bytes))
        console.log(
          `${(row.count / n).toFixed(1).padStart(11)}  ${(row.bytes / n / 1024).toFixed(2).padStart(7)}  ${label}`,
        );
      intakeMs.sort((a, b) => a - b);
      console.log(
        `\ndetection to verification (client-observed, one case at a time): median ${intakeMs[Math.floor(n / 2)]} ms, max ${intakeMs.at(-1)} ms`,
      );
    });
    await connection.close();
    await native.close();
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
