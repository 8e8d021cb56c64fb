import { testDataConverter, TEST_KEY_RING } from '../codec/test-codec';
import { payloadCodecFor } from '../../../config/codec';

/** The Temporal Web UI origin the test API lets call its codec endpoints. */
export const TEMPORAL_UI_TEST_ORIGIN = 'http://127.0.0.1:8233';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createCaseAndFetchWorkers } from '../workers/case-and-fetch-workers';
import type { Actor, CaseState, Role } from '../../../domain';
import type { AvailableAction } from '../../../api/available-actions';
import type { TimelineEntryWithTexts } from '../../../api/timeline-with-texts';
import { CaseClient, type CaseSummary } from '../../../cases/case-client';
import { createTokenVerifier } from '../../../api/token-verifier';
import { s3AccessAudit, type AccessAudit } from '../../../api/access-audit';
import type { CaseAuditReader } from '../../../audit/case-audit-reader';
import { S3Archive } from '../../../audit/s3-archive';
import { ReportReader } from '../../../reports/report-reader';
import { createS3Client } from '../../../config/s3';
import { freePort } from '../../../lib/ports';
import { createEvidenceBucket, uniqueName } from '../activities/activities-harness';
import { startTestOidc, testUsers, type TestOidc } from '../oidc/test-oidc';
import { createReporterVault, type ReporterVaultConfig } from '../../../api/vault-config';
import { testVaultConfig } from '../vault/test-vault';
import {
  buildApi,
  listenApi,
  type ApiServerOptions,
  type RunningApi,
  type ZodApp,
} from '../../../api/server';
import { testServers, uniqueTaskQueue } from '../servers/test-servers';
import { bundleCaseWorkflows, officers, waitFor } from '../case-test-kit';
import { ScriptedActivities, type ActivityScript } from '../scripted-activities';
import type { Tracing } from '../../../observability/tracing';
import type { BatchLimits } from '../../../api/routes/batch-detection-routes';
import type { Partner } from '../../../api/partners/partner-config';
import {
  TRACING_WORKFLOW_INTERCEPTOR_MODULES,
  tracingActivityInterceptor,
  tracingClientInterceptors,
  tracingWorkflowSinks,
} from '../../../observability/temporal-tracing';

export type OfficerKey = keyof typeof officers;

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** Response bodies are read loosely in tests; the assertions say what they must hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export interface ApiCaller {
  get<T = Loose>(pathname: string): Promise<ApiResponse<T>>;
  post<T = Loose>(
    pathname: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}
export interface ActionsBody {
  stage: string;
  actions: AvailableAction[];
}
export interface TimelineBody {
  timeline: TimelineEntryWithTexts[];
}
export interface CaseListBody {
  query: string;
  cases: CaseSummary[];
}

export interface RegisteredRoute {
  method: string;
  url: string;
  /** The route validates a request body. */
  hasBody: boolean;
  /** The route validates a query string. */
  hasQuery: boolean;
  /** No login needed (OpenAPI security []). */
  isPublic: boolean;
}

export interface ApiTestEnv {
  baseUrl: string;
  /** Every route Fastify registered (onRoute hook), HEAD routes and the console's files included. */
  routes: RegisteredRoute[];
  /** The Fastify app itself, for in-process requests (inject) in bulk. */
  app: ZodApp;
  /** Access tokens from the real local provider, one per test officer (signed in through its form). */
  tokens: Record<OfficerKey, string>;
  /** The local OpenID provider the API trusts. */
  oidc: TestOidc;
  /** The access audit (records in this env's own audit bucket), and the JSON lines it logged. */
  audit: AccessAudit;
  auditLog: string[];
  client: Client;
  scripted: ScriptedActivities;
  dataDir: string;
  /** The API's reporter vault config (S3 bucket of its own, local master key file): open a second vault on it. */
  vaultConfig: ReporterVaultConfig;
  /** This env's audit bucket, where the API reads reports: tests put reports there. */
  reportArchive: S3Archive;
  /** Calls the API with an officer's token, or with a raw Authorization header value, or none. */
  as(who: OfficerKey | { authorization?: string }): ApiCaller;
  /** Polls GET /api/cases/:id until the predicate holds. */
  waitForState(caseId: string, predicate: (state: CaseState) => boolean, what: string): Promise<CaseState>;
  /** Shuts the worker down (the API stays up): what reads without a worker answer. */
  stopWorker(): Promise<void>;
  stop(): Promise<void>;
}

const NAMES: Record<OfficerKey, string> = {
  verifier: 'Siti Rahmah',
  verifier2: 'Rahmat Hidayat',
  supervisor: 'Budi Santoso',
  supervisor2: 'Rina Kartika',
  police: 'Agus (Humas Polda)',
  pr: 'Dewi Humas',
  auditor: 'Tono Auditor',
  admin: 'Ops Admin',
};

export function actorOf(key: OfficerKey): Actor {
  return officers[key];
}

/**
 * The API in-process on a free port, against the harness's dev server, with a real worker running
 * the real case workflows (scripted activities) on a task queue of this test file's own.
 */
export async function startApiTestEnv(
  options: {
    script?: ActivityScript;
    consoleDir?: string;
    tracing?: Tracing;
    batchLimits?: BatchLimits;
    /** Partners that send signed webhooks (api/partners/partner-config.ts), secrets already read. */
    partners?: readonly Partner[];
    /** Public intake limits (api/server.ts); a generous rate limit when omitted. */
    intake?: Pick<ApiServerOptions, 'publicComplaintsPerMinute' | 'trustedProxies' | 'maxComplaintsPerCase'>;
    /** More provider users than the test officers (e.g. with no group, or two). */
    extraUsers?: { username: string; name: string; groups: Role[] }[];
    /** The audit archive the auditor routes read (api/routes/archive-audit-routes.ts); absent: they answer 503. */
    caseAudit?: CaseAuditReader;
    /** The provider's access token lifetime (15 minutes when omitted); short to see tokens expire. */
    accessTokenTtlSeconds?: number;
  } = {},
): Promise<ApiTestEnv> {
  const { temporal, s3: s3Server } = testServers();
  const { tracing } = options;
  const taskQueue = uniqueTaskQueue('api');
  const [bundle, connection, nativeConnection] = await Promise.all([
    bundleCaseWorkflows(undefined, tracing ? TRACING_WORKFLOW_INTERCEPTOR_MODULES : []),
    Connection.connect({ address: temporal.address }),
    NativeConnection.connect({ address: temporal.address }),
  ]);
  // With tracing, the client, workflow and activity interceptors are wired as api/main and workers/ wire them.
  const client = new Client({
    dataConverter: testDataConverter,
    connection,
    namespace: temporal.namespace,
    ...(tracing ? { interceptors: tracingClientInterceptors() } : {}),
  });
  const scripted = new ScriptedActivities(options.script ?? {});
  const worker = await createCaseAndFetchWorkers({
    dataConverter: testDataConverter,
    connection: nativeConnection,
    namespace: temporal.namespace,
    taskQueue,
    workflowBundle: bundle,
    activities: scripted.activities(),
    ...(tracing
      ? { interceptors: { activity: [tracingActivityInterceptor] }, sinks: tracingWorkflowSinks(tracing) }
      : {}),
  });
  const workerRun = worker.run();

  const apiPort = await freePort();
  const officerKeys = Object.keys(officers) as OfficerKey[];
  const oidc = await startTestOidc({
    users: testUsers([
      ...officerKeys.map((key) => ({
        username: officers[key].officerId,
        name: NAMES[key],
        groups: [officers[key].role],
      })),
      ...(options.extraUsers ?? []),
    ]),
    consoleOrigins: [`http://127.0.0.1:${apiPort}`],
    ...(options.accessTokenTtlSeconds ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds } : {}),
  });
  const signedIn = await Promise.all(officerKeys.map((key) => oidc.signIn(officers[key].officerId)));
  const tokens = Object.fromEntries(officerKeys.map((key, i) => [key, signedIn[i]!.access_token])) as Record<
    OfficerKey,
    string
  >;
  const s3 = createS3Client({
    endpoint: s3Server.endpoint,
    region: s3Server.region,
    credentials: { accessKeyId: s3Server.accessKeyId, secretAccessKey: s3Server.secretAccessKey },
    evidenceBucket: 'unused-evidence',
    auditBucket: 'unused-audit',
  });
  const auditBucket = await createEvidenceBucket(s3, uniqueName('api-audit'));
  const auditLog: string[] = [];
  const audit = s3AccessAudit(s3, auditBucket, (line) => auditLog.push(line));
  const reportArchive = new S3Archive(s3, auditBucket);
  const dataDir = fs.mkdtempSync(path.join(process.env.SARING_TEST_WORK_DIR ?? os.tmpdir(), 'api-'));
  const vaultConfig = await testVaultConfig(dataDir);
  let api: RunningApi | undefined;
  let app: ZodApp | undefined;
  const routes: RegisteredRoute[] = [];
  try {
    app = buildApi(
      {
        cases: new CaseClient(client, { taskQueue, generationCache: new Map() }),
        officers: createTokenVerifier(oidc.auth),
        auth: oidc.auth,
        audit,
        vault: createReporterVault(vaultConfig),
        payloadCodec: payloadCodecFor(TEST_KEY_RING),
        ...(options.caseAudit ? { caseAudit: options.caseAudit } : {}),
        reports: new ReportReader(reportArchive),
      },
      {
        codecCorsOrigins: [TEMPORAL_UI_TEST_ORIGIN],
        publicComplaintsPerMinute: 1000,
        ...(options.batchLimits ? { batchLimits: options.batchLimits } : {}),
        ...(options.partners ? { partners: options.partners } : {}),
        ...options.intake,
        // Every response the tests provoke must match the schema the OpenAPI document gives for it.
        checkResponses: true,
        ...(options.consoleDir ? { consoleDir: options.consoleDir } : {}),
      },
    );
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat())
        routes.push({
          method,
          url: route.url,
          hasBody: Boolean(route.schema?.body),
          hasQuery: Boolean(route.schema?.querystring),
          isPublic: Array.isArray(route.schema?.security) && route.schema.security.length === 0,
        });
    });
    api = await listenApi(app, { host: '127.0.0.1', port: apiPort });
  } catch (error) {
    worker.shutdown();
    await workerRun;
    await oidc.stop();
    throw error;
  }
  const baseUrl = api.url;

  const as = (who: OfficerKey | { authorization?: string }): ApiCaller => {
    const authorization = typeof who === 'string' ? `Bearer ${tokens[who]}` : who.authorization;
    const call = async (
      method: string,
      pathname: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<ApiResponse> => {
      const response = await fetch(`${baseUrl}${pathname}`, {
        method,
        headers: {
          ...headers,
          ...(authorization ? { authorization } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON (console files): keep the text.
      }
      return { status: response.status, body: parsed, text, headers: response.headers };
    };
    return {
      get: (pathname) => call('GET', pathname) as Promise<ApiResponse<Loose>>,
      post: (pathname, body, headers) =>
        call('POST', pathname, body ?? {}, headers) as Promise<ApiResponse<Loose>>,
    };
  };

  return {
    baseUrl,
    routes,
    app: app,
    tokens,
    oidc,
    audit,
    auditLog,
    client,
    scripted,
    dataDir,
    vaultConfig,
    reportArchive,
    as,
    waitForState: (caseId, predicate, what) =>
      waitFor(
        async () => {
          const response = await as('supervisor').get<CaseState>(`/api/cases/${caseId}`);
          if (response.status !== 200)
            throw new Error(`GET case ${caseId}: ${response.status} ${response.text}`);
          return response.body;
        },
        predicate,
        what,
        60_000,
      ),
    async stopWorker() {
      if (worker.caseWorker.getState() === 'RUNNING') worker.shutdown();
      await workerRun;
    },
    async stop() {
      await api?.close();
      if (worker.caseWorker.getState() === 'RUNNING') worker.shutdown();
      await workerRun;
      await nativeConnection.close();
      await connection.close();
      await oidc.stop();
      s3.destroy();
    },
  };
}

/** Submits an officer detection through the API and waits until the case is ready for verification. */
export async function openCaseForVerification(
  env: ApiTestEnv,
  body: Record<string, unknown>,
  who: OfficerKey = 'verifier',
): Promise<string> {
  const response = await env.as(who).post<{ caseId: string }>('/api/detections', body);
  if (response.status !== 202) throw new Error(`POST /api/detections: ${response.status} ${response.text}`);
  const { caseId } = response.body;
  // The verification deadline opens once the intake notification is out: then the case waits for an officer.
  await env.waitForState(
    caseId,
    (state) => state.stage === 'verification' && state.deadlines.length > 0,
    `${caseId} in verification`,
  );
  return caseId;
}

/**
 * The case's history length once the case is idle (the same over 400 ms): timers and search attribute
 * upserts the case does on its own must not be mistaken for the effect of a request.
 */
export async function historyLengthOf(env: ApiTestEnv, caseId: string): Promise<number> {
  const length = async () => (await env.client.workflow.getHandle(caseId).fetchHistory()).events?.length ?? 0;
  let previous = await length();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    const current = await length();
    if (current === previous) return current;
    previous = current;
  }
  throw new Error(`the history of ${caseId} keeps growing`);
}
