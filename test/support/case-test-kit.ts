import { testDataConverter } from './codec/test-codec';
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { createCaseAndFetchWorkers } from './workers/case-and-fetch-workers';
import type { z } from 'zod';
import {
  CASE_SEARCH_ATTRIBUTES,
  type Actor,
  type CASE_UPDATE_SCHEMAS,
  type CaseState,
  type DetectionInput,
  type Verdict,
} from '../../domain';
import { CaseClient } from '../../cases/case-client';
import { quietLogger } from './servers/quiet-logger';
import { testServers, uniqueTaskQueue } from './servers/test-servers';

export { quietLogger };
import { ScriptedActivities, type ActivityScript } from './scripted-activities';
import { createTimeSkippingEnv } from './servers/time-skipping';
import {
  CASE_WORKFLOWS_PATH as SHIPPED_CASE_WORKFLOWS,
  caseBundlerOptions,
} from '../../workers/workflow-bundling';

/** SARING_CASE_WORKFLOWS points the tests at another copy of workflows/ (to show a test failing on older code). */
export const CASE_WORKFLOWS_PATH = process.env.SARING_CASE_WORKFLOWS
  ? require.resolve(process.env.SARING_CASE_WORKFLOWS)
  : SHIPPED_CASE_WORKFLOWS;

/** Bundles the case workflows (once per test file, in beforeAll). */
export function bundleCaseWorkflows(
  workflowsPath = CASE_WORKFLOWS_PATH,
  workflowInterceptorModules: readonly string[] = [],
): Promise<WorkflowBundle> {
  return bundleWorkflowCode({
    workflowsPath,
    logger: quietLogger,
    workflowInterceptorModules: [...workflowInterceptorModules],
    ...caseBundlerOptions(),
  });
}

const INDEXED_VALUE_TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  INT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
  BOOL: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KEYWORD_LIST: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/** The time-skipping server knows no custom search attributes until they are registered. */
export async function registerCaseSearchAttributes(
  connection: Connection,
  namespace = 'default',
): Promise<void> {
  const searchAttributes = Object.fromEntries(
    Object.values(CASE_SEARCH_ATTRIBUTES).map((key) => {
      const type = INDEXED_VALUE_TYPES[key.type];
      if (type === undefined) throw new Error(`no indexed value type for ${key.type}`);
      return [key.name, type];
    }),
  );
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
}

/** A time-skipping server of this test file's own, with the Saring search attributes registered. */
export async function createCaseTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await createTimeSkippingEnv();
  await registerCaseSearchAttributes(env.connection);
  return env;
}

export interface DevServer {
  client: Client;
  connection: Connection;
  nativeConnection: NativeConnection;
  close(): Promise<void>;
}

/** Connections to the shared dev server the jest global setup started (search attributes registered there). */
export async function connectDevServer(): Promise<DevServer> {
  const { temporal: server } = testServers();
  const [connection, nativeConnection] = await Promise.all([
    Connection.connect({ address: server.address }),
    NativeConnection.connect({ address: server.address }),
  ]);
  return {
    client: new Client({ connection, namespace: server.namespace, dataConverter: testDataConverter }),
    connection,
    nativeConnection,
    close: async () => {
      await connection.close();
      await nativeConnection.close();
    },
  };
}

export const officers = {
  verifier: { officerId: 'siti.verifier', role: 'verifier' },
  verifier2: { officerId: 'rahmat.verifier', role: 'verifier' },
  supervisor: { officerId: 'budi.supervisor', role: 'supervisor' },
  supervisor2: { officerId: 'rina.supervisor', role: 'supervisor' },
  police: { officerId: 'agus.polda', role: 'police_liaison' },
  pr: { officerId: 'dewi.humas', role: 'public_relations' },
  auditor: { officerId: 'tono.auditor', role: 'auditor' },
  admin: { officerId: 'ops.admin', role: 'admin' },
} as const satisfies Record<string, Actor>;

let detectionSeq = 0;
/** A detection with sensible defaults; give it a url, text or contentSha256. */
export function detectionOf(overrides: Partial<DetectionInput>): DetectionInput {
  detectionSeq += 1;
  return {
    source: 'crawler',
    reportedBy: 'ais-crawler',
    observedAt: new Date(Date.UTC(2025, 10, 20, 1, 0, detectionSeq % 60)).toISOString(),
    region: 'banjarmasin',
    ...overrides,
  };
}

/** A unique URL for one test. */
export function uniqueUrl(host: string, label: string): string {
  return `https://${host}/${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function caseClientFor(client: Client, taskQueue: string): CaseClient {
  return new CaseClient(client, { taskQueue });
}

/** Polls until `predicate` holds (real time; on the time-skipping server time stands still meanwhile). */
export async function waitFor<T>(
  probe: () => Promise<T>,
  predicate: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (predicate(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  throw new Error(
    `timed out waiting for ${what}; last value ${JSON.stringify(last)?.slice(0, 2000)} ${lastError instanceof Error ? lastError.message : ''}`,
  );
}

export function waitForCase(
  cases: CaseClient,
  caseId: string,
  predicate: (state: CaseState) => boolean,
  what: string,
  timeoutMs?: number,
) {
  return waitFor(() => cases.getState(caseId), predicate, what, timeoutMs);
}

/** The clarification an officer drafts in takeHoaxToApproval. */
export type HoaxDraft = Omit<z.input<(typeof CASE_UPDATE_SCHEMAS)['draftStatement']>, 'kind'>;

/**
 * The common hoax path of many tests, from an open case to an approved clarification: assign the
 * verifier, submit a hoax verdict (no public response), wait for the clarification track, draft it
 * and (unless `approver` is left out) approve revision 1. The hooks run at the points where tests
 * move the clock on or look around (after verification opened, after the clarification opened,
 * after the draft).
 */
export async function takeHoaxToApproval(
  cases: CaseClient,
  caseId: string,
  options: {
    label: Extract<Verdict, { kind: 'hoax' }>['label'];
    reasons: string[];
    assignedBy?: Actor;
    draft: HoaxDraft;
    approver?: Actor;
    afterVerificationOpens?: (state: CaseState) => Promise<void>;
    afterClarificationOpens?: () => Promise<void>;
    afterDraft?: () => Promise<void>;
  },
): Promise<void> {
  const opened = await waitForCase(cases, caseId, (state) => state.stage === 'verification', 'verification');
  await options.afterVerificationOpens?.(opened);
  await cases.update(caseId, 'assignVerifier', {
    actor: options.assignedBy ?? officers.verifier,
    assignee: officers.verifier.officerId,
  });
  await cases.update(caseId, 'submitVerdict', {
    actor: officers.verifier,
    verdict: { kind: 'hoax', label: options.label, reasons: options.reasons, publicResponse: false },
  });
  await waitForCase(
    cases,
    caseId,
    (state) => state.tracks.clarification?.status === 'drafting',
    'clarification',
  );
  await options.afterClarificationOpens?.();
  await cases.update(caseId, 'draftStatement', { ...options.draft, kind: 'clarification' });
  await options.afterDraft?.();
  if (options.approver)
    await cases.update(caseId, 'approveStatement', {
      actor: options.approver,
      kind: 'clarification',
      revision: 1,
    });
}

export async function historyLength(client: Client, workflowId: string): Promise<number> {
  return (await client.workflow.getHandle(workflowId).fetchHistory()).events?.length ?? 0;
}

export const HISTORY_FIXTURES_DIR = path.resolve(__dirname, '../fixtures/histories');

export interface HistoryFixture {
  name: string;
  sdk: string;
  histories: { workflowId: string; runId: string; history: unknown }[];
}

/** Every run of a workflow id, oldest first (follows continue-as-new back from the latest run). */
export async function fetchAllRuns(
  client: Client,
  workflowId: string,
): Promise<{ workflowId: string; runId: string; history: temporal.api.history.v1.IHistory }[]> {
  const runs: { workflowId: string; runId: string; history: temporal.api.history.v1.IHistory }[] = [];
  let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.unshift({ workflowId, runId, history });
    const previous: string | null | undefined =
      history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    runId = previous || undefined;
  }
  return runs;
}

/**
 * Fixture encoding: the protobufjs object form of History (enum names, 64-bit numbers as strings,
 * bytes as base64). Not @temporalio/common's historyToJSON/historyFromJSON: in this install
 * @temporalio/common and @temporalio/proto each carry their own copy of protobufjs 8, so protojson's
 * `instanceof Type` check fails ("type must be a Type") in both directions.
 */
const HistoryType = temporal.api.history.v1.History;
export function historyToFixture(history: temporal.api.history.v1.IHistory): unknown {
  return HistoryType.toObject(HistoryType.fromObject(history), {
    longs: String,
    enums: String,
    bytes: String,
  });
}
export function historyFromFixture(json: unknown): temporal.api.history.v1.History {
  return HistoryType.fromObject(json as Record<string, unknown>);
}

export const recordingHistories = () => process.env.SARING_RECORD_HISTORIES === '1';

/** Every run of each workflow (a case and its children) as they stand on the server, for one fixture file. */
export async function fixtureHistoriesOf(
  client: Client,
  workflowIds: readonly string[],
): Promise<HistoryFixture['histories']> {
  const histories: HistoryFixture['histories'] = [];
  for (const workflowId of workflowIds) {
    for (const run of await fetchAllRuns(client, workflowId)) {
      histories.push({
        workflowId: run.workflowId,
        runId: run.runId,
        history: historyToFixture(run.history),
      });
    }
  }
  return histories;
}

/**
 * With SARING_RECORD_HISTORIES=1, writes the histories of a finished case (every run) and its
 * children to test/fixtures/histories/<name>.json for the replay test. Not on ordinary runs.
 */
export async function maybeRecordHistories(
  client: Client,
  name: string,
  workflowIds: string[],
): Promise<void> {
  if (!recordingHistories()) return;
  const histories = await fixtureHistoriesOf(client, workflowIds);
  fs.mkdirSync(HISTORY_FIXTURES_DIR, { recursive: true });
  const fixture: HistoryFixture = { name, sdk: '@temporalio/worker 1.24.0', histories };
  fs.writeFileSync(path.join(HISTORY_FIXTURES_DIR, `${name}.json`), `${JSON.stringify(fixture)}\n`);
}

export function readHistoryFixtures(): { file: string; fixture: HistoryFixture }[] {
  if (!fs.existsSync(HISTORY_FIXTURES_DIR)) return [];
  return fs
    .readdirSync(HISTORY_FIXTURES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      fixture: JSON.parse(fs.readFileSync(path.join(HISTORY_FIXTURES_DIR, file), 'utf8')) as HistoryFixture,
    }));
}

export function fixtureHistories(fixture: HistoryFixture) {
  return fixture.histories.map((entry) => ({
    workflowId: entry.workflowId,
    history: historyFromFixture(entry.history),
  }));
}

/** Child workflow ids of a case, from its state. */
export function childIds(state: CaseState): string[] {
  return [
    ...state.tracks.takedowns.flatMap((track) => {
      const ids: string[] = [];
      for (let attempt = 1; attempt <= track.attempt; attempt += 1)
        ids.push(track.childWorkflowId.replace(/:a[0-9]+$/, `:a${attempt}`));
      return ids;
    }),
    ...(state.tracks.police ? [state.tracks.police.childWorkflowId] : []),
  ];
}

/** A dev-server connection plus one real worker on a task queue of its own, running scripted activities. */
export interface DevCaseWorker {
  dev: DevServer;
  cases: CaseClient;
  /** The worker's task queue, for a CaseClient with other options (a policy of its own). */
  taskQueue: string;
  stop(): Promise<void>;
}

export async function startDevCaseWorker(
  label: string,
  scripted: ScriptedActivities,
): Promise<DevCaseWorker> {
  const [dev, bundle] = await Promise.all([connectDevServer(), bundleCaseWorkflows()]);
  const taskQueue = uniqueTaskQueue(label);
  const worker = await createCaseAndFetchWorkers({
    dataConverter: testDataConverter,
    connection: dev.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: scripted.activities(),
  });
  const running = worker.run();
  return {
    dev,
    cases: caseClientFor(dev.client, taskQueue),
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await dev.close();
    },
  };
}

/** Runs `run` while a worker with freshly scripted activities polls `taskQueue` on a time-skipping env. */
export async function withScriptedCaseWorker<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundle,
  taskQueue: string,
  script: ActivityScript,
  run: (cases: CaseClient, scripted: ScriptedActivities) => Promise<T>,
): Promise<T> {
  const scripted = new ScriptedActivities(script);
  const worker = await createCaseAndFetchWorkers({
    dataConverter: testDataConverter,
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: scripted.activities(),
  });
  return worker.runUntil(run(caseClientFor(env.client, taskQueue), scripted));
}

/**
 * A describe block's time-skipping server and workflow bundle (made in beforeAll, torn down in afterAll),
 * and `withCaseWorker`, which gives each test a scripted worker on a task queue of its own.
 */
export function timeSkippingCaseSuite(queuePrefix: string) {
  let seq = 0;
  let bundle: WorkflowBundle;
  const suite = {
    env: undefined as unknown as TestWorkflowEnvironment,
    withCaseWorker: <T>(
      script: ActivityScript,
      run: (cases: CaseClient, scripted: ScriptedActivities) => Promise<T>,
    ): Promise<T> => {
      seq += 1;
      return withScriptedCaseWorker(suite.env, bundle, `${queuePrefix}-${seq}`, script, run);
    },
  };
  beforeAll(async () => {
    [suite.env, bundle] = await Promise.all([createCaseTimeSkippingEnv(), bundleCaseWorkflows()]);
  });
  afterAll(async () => {
    await suite.env?.teardown();
  });
  return suite;
}

/** A describe block's dev-server worker with these scripted activities (started in beforeAll, stopped in afterAll). */
export function devCaseWorkerSuite(label: string, scripted: ScriptedActivities): DevCaseWorker {
  let caseWorker: DevCaseWorker | undefined;
  beforeAll(async () => {
    caseWorker = await startDevCaseWorker(label, scripted);
  });
  afterAll(async () => {
    await caseWorker?.stop();
  });
  return {
    get dev() {
      return caseWorker!.dev;
    },
    get cases() {
      return caseWorker!.cases;
    },
    get taskQueue() {
      return caseWorker!.taskQueue;
    },
    stop: () => caseWorker?.stop() ?? Promise.resolve(),
  };
}
