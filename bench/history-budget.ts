/**
 * `npm run bench:history`: history events and bytes per case for three typical paths, with the real
 * workflow code and scripted activities (test/support/scripted-activities.ts):
 * - a hoax case up to its published clarification, and a viral URL with 5,000 repeat detections,
 *   on a real Temporal dev server;
 * - a gambling takedown that climbs to ST3 under the shipped policy (4 h + 24 h + 48 h of polls), on
 *   the time-skipping test server: the dev server cannot skip 76 hours, and the events are the same.
 * Bytes are the protobuf size of each run's history; a case counts every run and every child.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { NativeConnection, type WorkflowBundle } from '@temporalio/worker';
import { createCaseAndFetchWorkers } from '../test/support/workers/case-and-fetch-workers';
import { startTemporalDevServer } from '../local/temporal-dev-server';
import { freePort } from '../lib/ports';
import { readManifest } from '../toolchain/manifest';
import type { CaseClient } from '../cases/case-client';
import { CASE_SEARCH_ATTRIBUTES } from '../domain';
import { ScriptedActivities, type ActivityScript } from '../test/support/scripted-activities';
import {
  bundleCaseWorkflows,
  caseClientFor,
  createCaseTimeSkippingEnv,
  detectionOf,
  officers,
  uniqueUrl,
  waitForCase,
  withScriptedCaseWorker,
} from '../test/support/case-test-kit';
import { GAMBLING_CLASSIFICATION, submitIllegalGamblingCase } from '../test/support/gambling-case';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const REPEATS = 5_000;
const HOAX_TEXT = `Pesan berantai: vaksin berisi chip pelacak. ${'Sebarkan ke semua grup keluarga sebelum dihapus! '.repeat(40)}`;
const LONG_BODY = `[HOAKS] Vaksin tidak berisi chip. ${'Dinas Kesehatan Kalsel menegaskan isi vaksin telah diuji BPOM. '.repeat(50)}`;

interface Measured {
  path: string;
  runs: number;
  events: number;
  bytes: number;
  largestRunEvents: number;
}

/** One run's history in small pages (a whole page of a big history exceeds gRPC's 4 MB message limit). */
async function runHistory(
  client: Client,
  workflowId: string,
  runId: string,
): Promise<temporal.api.history.v1.IHistory> {
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await client.workflowService.getWorkflowExecutionHistory({
      namespace: client.options.namespace,
      execution: { workflowId, runId },
      maximumPageSize: 100,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken && page.nextPageToken.length > 0 ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return { events };
}

async function measure(client: Client, label: string, workflowIds: string[]): Promise<Measured> {
  const row: Measured = { path: label, runs: 0, events: 0, bytes: 0, largestRunEvents: 0 };
  for (const workflowId of workflowIds) {
    let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
    while (runId) {
      row.runs += 1;
      try {
        const history = await runHistory(client, workflowId, runId);
        const events = history.events?.length ?? 0;
        row.events += events;
        row.bytes += temporal.api.history.v1.History.encode(history).finish().length;
        row.largestRunEvents = Math.max(row.largestRunEvents, events);
        runId =
          history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
      } catch (error) {
        // A history page too big for gRPC's 4 MB limit: the server's own count and size of the run.
        const description = await client.workflow.getHandle(workflowId, runId).describe();
        row.events += description.historyLength;
        row.bytes += description.historySize ?? 0;
        row.largestRunEvents = Math.max(row.largestRunEvents, description.historyLength);
        row.path += ` [history unreadable in pages: ${error instanceof Error ? error.message.slice(0, 60) : String(error)}; server's count and size]`;
        runId = undefined;
      }
    }
  }
  return row;
}

/** A path that fails is reported as such: the numbers before a fix may not exist. */
async function attempt(label: string, run: () => Promise<Measured>): Promise<Measured | string> {
  try {
    return await run();
  } catch (error) {
    return `${label}: failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

async function withWorker<T>(
  connection: NativeConnection,
  bundle: WorkflowBundle,
  taskQueue: string,
  script: ActivityScript,
  run: () => Promise<T>,
): Promise<T> {
  const worker = await createCaseAndFetchWorkers({
    connection,
    taskQueue,
    workflowBundle: bundle,
    activities: new ScriptedActivities(script).activities(),
  });
  return worker.runUntil(run());
}

async function hoaxClarification(cases: CaseClient): Promise<string> {
  const { caseId } = await cases.submitDetection(
    detectionOf({ text: `${HOAX_TEXT} ${Date.now()}`, source: 'public_complaint', reportedBy: 'public' }),
  );
  await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
  for (let i = 0; i < 20; i += 1)
    await cases.submitDetection(detectionOf({ text: `${HOAX_TEXT} ${caseId}`, url: undefined }));
  await cases.update(caseId, 'assignVerifier', {
    actor: officers.supervisor,
    assignee: officers.verifier.officerId,
  });
  await cases.update(caseId, 'submitVerdict', {
    actor: officers.verifier,
    verdict: {
      kind: 'hoax',
      label: 'HOAKS',
      reasons: ['Dinkes Kalsel: vaccines contain no chips'],
      publicResponse: false,
    },
  });
  await waitForCase(
    cases,
    caseId,
    (state) => state.tracks.clarification !== undefined,
    'clarification track',
  );
  await cases.update(caseId, 'draftStatement', {
    actor: officers.verifier,
    kind: 'clarification',
    title: 'Vaksin tidak berisi chip',
    body: LONG_BODY,
    pillar: 'digital_culture',
    channels: ['website'],
  });
  await cases.update(caseId, 'approveStatement', {
    actor: officers.supervisor,
    kind: 'clarification',
    revision: 1,
  });
  await cases.outcome(caseId);
  return caseId;
}

async function viralUrl(cases: CaseClient, client: Client): Promise<string> {
  const url = uniqueUrl('slot-maxwin.example', 'viral');
  const { caseId } = await cases.submitDetection(detectionOf({ url, text: HOAX_TEXT }));
  await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
  for (let sent = 1; sent < REPEATS; sent += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, REPEATS - sent) }, (_, i) =>
        cases.submitDetection(
          detectionOf({
            url,
            text: `${HOAX_TEXT} #${sent + i}`,
            source: (sent + i) % 10 === 0 ? 'public_complaint' : 'crawler',
          }),
        ),
      ),
    );
  }
  // The count from the search attribute: a query answer of a huge case may itself exceed gRPC's limit.
  const handle = client.workflow.getHandle(caseId);
  const deadline = Date.now() + 300_000;
  while (
    (await handle.describe()).typedSearchAttributes.get(CASE_SEARCH_ATTRIBUTES.detectionCount) !== REPEATS
  ) {
    if (Date.now() > deadline) throw new Error(`${REPEATS} detections were not counted in 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await handle.terminate('bench finished');
  return caseId;
}

async function gamblingSt3(): Promise<Measured> {
  const env = await createCaseTimeSkippingEnv();
  try {
    const bundle = await bundleCaseWorkflows();
    const script: ActivityScript = {
      classification: GAMBLING_CLASSIFICATION,
      platforms: { website: { complyAtPoll: 'never' } },
    };
    return await withScriptedCaseWorker(env, bundle, 'bench-gambling', script, async (cases) => {
      const { caseId } = await submitIllegalGamblingCase(cases);
      // No monitoring follows a blocklist recommendation: the case closes (the test server answers no query after that).
      const outcome = await cases.outcome(caseId);
      if (outcome.takedowns[0]?.level !== 'ST3')
        throw new Error(`expected ST3, got ${JSON.stringify(outcome.takedowns)}`);
      return measure(env.client, 'gambling takedown to ST3 (time-skipping)', [
        caseId,
        `${caseId}:takedown:website-1:a1`,
      ]);
    });
  } finally {
    await env.teardown();
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-history-bench-'));
  const server = await startTemporalDevServer({
    cliPath: readManifest().temporalCli.path,
    dbFile: path.join(dir, 'bench.sqlite'),
    port: await freePort(),
    namespace: 'default',
    logFile: path.join(dir, 'temporal.log'),
  });
  const rows: (Measured | string)[] = [];
  try {
    const connection = await Connection.connect({ address: server.address });
    const native = await NativeConnection.connect({ address: server.address });
    // The dev server was started with the Saring search attributes (local/temporal-dev-server).
    const client = new Client({ connection, namespace: 'default' });
    const bundle = await bundleCaseWorkflows();
    const cases = caseClientFor(client, 'bench-history');
    const hoaxLabel = 'hoax up to published clarification (dev server)';
    rows.push(
      await attempt(hoaxLabel, async () => {
        const hoax = await withWorker(
          native,
          bundle,
          'bench-history',
          { classification: { category: 'hoax', confidence: 0.8, suggestedPriority: 'high' } },
          () => hoaxClarification(cases),
        );
        return measure(client, hoaxLabel, [hoax]);
      }),
    );
    const viralLabel = `viral URL, ${REPEATS} repeat detections (dev server)`;
    rows.push(
      await attempt(viralLabel, async () => {
        const viral = await withWorker(
          native,
          bundle,
          'bench-history',
          { classification: { category: 'online_gambling', confidence: 0.9 } },
          () => viralUrl(cases, client),
        );
        return measure(client, viralLabel, [viral]);
      }),
    );
    await connection.close();
    await native.close();
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  rows.push(await attempt('gambling takedown to ST3 (time-skipping)', gamblingSt3));
  console.log('\nhistory per case (every run and child):');
  console.log('path | runs | events | bytes | largest run (events)');
  for (const row of rows)
    console.log(
      typeof row === 'string'
        ? row
        : `${row.path} | ${row.runs} | ${row.events} | ${row.bytes} | ${row.largestRunEvents}`,
    );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
