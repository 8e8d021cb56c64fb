/**
 * The API and web console process. Reads the config file named by SARING_CONFIG_FILE (see
 * api/api-config.ts), prints `api listening on http://HOST:PORT` when ready, and on SIGINT/SIGTERM
 * stops taking requests, lets those in flight finish, closes the Temporal connection and exits 0.
 */
import { CaseClient } from '../cases/case-client';
import { loadKeyRing, payloadCodecFor } from '../config/codec';
import { connectClient } from '../config/temporal';
import { loadPolicyFile } from '../policy';
import { loadApiConfig } from './api-config';
import { createS3Client } from '../config/s3';
import { s3AccessAudit } from './access-audit';
import { apiCaseAudit } from './archive-audit-config';
import { S3Archive } from '../audit/s3-archive';
import { ReportReader } from '../reports/report-reader';
import { createTokenVerifier } from './token-verifier';
import { createReporterVault } from './vault-config';
import { resolvePartners } from './partners/partner-config';
import { startApiServer } from './server';
import { SERVICE_NAME } from '../config/telemetry';
import { tracingClientInterceptors } from '../observability/temporal-tracing';
import { startTracing } from '../observability/tracing';
import { tracingConfigFromEnv } from '../observability/tracing-config';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const officers = createTokenVerifier(config.api.auth);
  const audit = s3AccessAudit(createS3Client(config.s3), config.s3.auditBucket, (line) => console.log(line));
  const vault = createReporterVault(config.api.reporterVault);
  const partners = resolvePartners(config.api.partners);
  const policy = config.api.policyFile ? loadPolicyFile(config.api.policyFile) : undefined;
  const tracing = startTracing(SERVICE_NAME.api, tracingConfigFromEnv());
  const client = await connectClient(
    config.temporal,
    tracing ? { interceptors: tracingClientInterceptors() } : {},
  );
  const cases = new CaseClient(client, {
    taskQueue: config.temporal.taskQueue,
    generationCache: new Map(),
    ...(policy ? { policy } : {}),
  });

  const api = await startApiServer(
    {
      cases,
      officers,
      auth: config.api.auth,
      audit,
      vault,
      payloadCodec: payloadCodecFor(loadKeyRing(config.temporal.payloadKeys)),
      caseAudit: await apiCaseAudit(config.s3, config.temporal.payloadKeys),
      reports: new ReportReader(new S3Archive(createS3Client(config.s3), config.s3.auditBucket)),
    },
    {
      host: config.api.host,
      port: config.api.port,
      consoleDir: config.api.consoleDir,
      publicComplaintsPerMinute: config.api.publicComplaintsPerMinute,
      trustedProxies: config.api.trustedProxies,
      maxComplaintsPerCase: config.api.maxComplaintsPerCase,
      codecCorsOrigins: config.api.codecCorsOrigins,
      partners,
      accessLog: (line) => console.log(`api ${line}`),
    },
  );
  console.log(
    `api listening on ${api.url} (temporal ${config.temporal.address}, namespace ${config.temporal.namespace}, sign-in ${config.api.auth.issuer})`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`api: ${signal}, closing`);
    api
      .close()
      .then(() => client.connection.close())
      .then(() => tracing?.shutdown())
      .then(() => {
        console.log('api stopped cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error(`api: error while closing: ${String(error)}`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`api failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
