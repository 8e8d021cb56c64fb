import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from './api-deps';
import { registerConsoleFiles } from './console-files';
import { handleError, registerNotFound } from './error-handler';
import { acceptJsonBodiesOnly, MAX_BODY_BYTES } from './json-body';
import { registerOpenApi } from './openapi';
import { reportRemovedCharacters } from './removed-characters-header';
import { responseSerializer } from './response-serializer';
import { collectRouteTable } from './route-table';
import { registerAccessRoutes } from './routes/access-routes';
import { registerArchiveAuditRoutes } from './routes/archive-audit-routes';
import { registerAuthRoutes, signInDiscovery } from './routes/auth-routes';
import { registerCodecRoutes } from './routes/codec-routes';
import { registerCaseRoutes } from './routes/case-routes';
import {
  DEFAULT_BATCH_LIMITS,
  registerBatchDetectionRoutes,
  type BatchLimits,
} from './routes/batch-detection-routes';
import { registerDetectionRoutes } from './routes/detection-routes';
import { registerPartnerWebhookRoutes } from './routes/partner-webhook-routes';
import type { Partner } from './partners/partner-config';
import { registerMetaRoutes } from './routes/meta-routes';
import { registerPublicRoutes } from './routes/public-routes';
import { registerReportRoutes } from './routes/report-routes';
import { registerStepRoutes } from './routes/step-routes';
import { registerRequestSpans } from '../observability/fastify-request-spans';
import { registerVocabularyRoutes } from './routes/vocabulary-routes';

export interface ApiServerOptions {
  host: string;
  port: number;
  /** Serve the web console from this folder at `/`; omitted: API only. */
  consoleDir?: string;
  /** One line per request; off in tests. */
  accessLog?: (line: string) => void;
  /** Public complaints accepted per client address per minute (api-config.ts); 10 when omitted. */
  publicComplaintsPerMinute?: number;
  /** Proxies whose X-Forwarded-For entry is trusted (api-config.ts); 0 when omitted. */
  trustedProxies?: number;
  /** Public complaints signalled into one case (api-config.ts); 50 when omitted. */
  maxComplaintsPerCase?: number;
  /** Parse every response with its documented schema (tests): a mismatch is a 500. */
  checkResponses?: boolean;
  /** POST /api/detections/batch limits; DEFAULT_BATCH_LIMITS when omitted. */
  batchLimits?: BatchLimits;
  /** Origins (the Temporal Web UI's) allowed to call the codec endpoints from a browser. */
  codecCorsOrigins?: readonly string[];
  /** Partners that send signed webhooks (api-config.ts api.partners, secrets read); none when omitted. */
  partners?: readonly Partner[];
}

export interface RunningApi {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** The API's Fastify instance with zod schemas as its type provider. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

const API_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/** Tracking codes are the reporter's secret: they never reach a log. */
function loggablePath(url: string): string {
  return new URL(url, 'http://localhost').pathname.replace(
    /^(\/api\/public\/complaints\/).+$/,
    '$1<tracking code>',
  );
}

/**
 * The API as a Fastify app, not yet listening (add hooks such as onRoute before `listen`/`ready`):
 * zod validation for params, query, headers and bodies; one error handler; JSON bodies only; the
 * OpenAPI document and its docs; the console's files.
 */
export function buildApi(deps: ApiDeps, options: Omit<ApiServerOptions, 'host' | 'port'> = {}): ZodApp {
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    requestTimeout: 60_000,
    frameworkErrors: (error, request, reply) => {
      handleError(error, request, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();
  // First, so every route's handler runs inside its request's span (a no-op while tracing is off).
  registerRequestSpans(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(options.checkResponses ?? false));
  app.setErrorHandler(handleError);
  acceptJsonBodiesOnly(app);
  reportRemovedCharacters(app);
  registerNotFound(app, collectRouteTable(app), deps);

  // A POST without a body (and without a content type) reads as {}, as an empty JSON body does.
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.routeOptions.schema?.body) request.body = {};
  });
  app.addHook('onSend', async (_request, reply) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('application/json'))
      reply.headers(API_HEADERS);
  });
  // An officer's read or export of a case is on record before the answer leaves (api/access-audit.ts).
  app.addHook('onSend', async (request, reply, payload) => {
    const { officer, auditAccess } = request;
    if (!officer || !auditAccess || reply.statusCode >= 400) return payload;
    const caseId = (request.params as { caseId?: string }).caseId ?? '*';
    await deps.audit.caseAccessed({
      caseId,
      officerId: officer.officerId,
      role: officer.role,
      clientId: officer.clientId,
      action: auditAccess,
      path: loggablePath(request.url),
    });
    return payload;
  });
  const accessLog = options.accessLog;
  if (accessLog) {
    app.addHook('onResponse', async (request, reply) => {
      accessLog(
        `${request.method} ${loggablePath(request.url)} ${reply.statusCode} ${Math.round(reply.elapsedTime)}ms`,
      );
    });
  }

  const signIn = signInDiscovery(deps.auth);
  // Early, so the console's CSP names the token endpoint by the time a browser asks (errors: retried later).
  signIn.discover().catch(() => undefined);
  registerOpenApi(app);
  void app.register(fastifyRateLimit, { global: false });
  void app.register(async (scope) => {
    const api = scope.withTypeProvider<ZodTypeProvider>();
    registerMetaRoutes(api, deps);
    registerAuthRoutes(api, deps.auth, signIn.discover);
    registerVocabularyRoutes(api, deps);
    registerDetectionRoutes(api, deps);
    registerBatchDetectionRoutes(api, deps, options.batchLimits);
    registerPartnerWebhookRoutes(
      api,
      deps,
      options.partners ?? [],
      options.batchLimits ?? DEFAULT_BATCH_LIMITS,
    );
    registerCaseRoutes(api, deps);
    registerAccessRoutes(api, deps);
    registerArchiveAuditRoutes(api, deps);
    registerReportRoutes(api, deps);
    registerStepRoutes(api, deps);
    registerPublicRoutes(api, deps, {
      perMinute: options.publicComplaintsPerMinute ?? 10,
      trustedProxies: options.trustedProxies ?? 0,
      maxComplaintsPerCase: options.maxComplaintsPerCase ?? 50,
    });
    registerCodecRoutes(api, deps, { corsOrigins: options.codecCorsOrigins ?? [] });
  });
  if (options.consoleDir) registerConsoleFiles(app, options.consoleDir, signIn.consoleOrigins);
  return app;
}

/** Starts a built app on host:port; close() stops taking requests and lets those in flight finish. */
export async function listenApi(
  app: ZodApp,
  options: Pick<ApiServerOptions, 'host' | 'port'>,
): Promise<RunningApi> {
  await app.listen({ host: options.host, port: options.port });
  app.server.headersTimeout = 30_000;
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${host}:${address.port}`, server: app.server, close: () => app.close() };
}

export async function startApiServer(deps: ApiDeps, options: ApiServerOptions): Promise<RunningApi> {
  return listenApi(buildApi(deps, options), options);
}
