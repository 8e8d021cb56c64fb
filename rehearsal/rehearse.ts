import fs from 'node:fs';
import path from 'node:path';
import { CASE_SEARCH_ATTRIBUTES } from '../domain/search-attributes';
import { RUNTIME_ENV } from '../config/runtime-env';
import { loadEnvironmentConfig } from '../infra/config/load';
import { buildSaring, saringApp } from '../infra/saring';
import { type ManagedProcess, tailOf as fullTailOf } from '../local/managed-process';
import { startOidcProviderProcess } from '../local/oidc/start-oidc-provider';
import { waitForPort } from '../lib/ports';
import { readManifest } from '../toolchain/manifest';
import { REPO_ROOT } from '../toolchain/paths';
import { ensureTemporalServer, temporalServerModuleDir } from '../toolchain/temporal-server';
import { issueClusterCertificates } from './certificates';
import { findEstate, type Estate } from './estate';
import { layOutImages, type ImageRoot } from './image-roots';
import { PINNED_IMAGES } from './images';
import { startPostgres } from './postgres';
import { startSandboxed } from './sandbox';
import { declaredSecrets, randomPassword, secretEnvironment, writeStandIns } from './secrets';
import { StepClock } from './steps';
import { adminCli, frontendAddress, rehearsedNamespace, type AdminCli } from './admin-cli';
import { probeScale, type ScaleProbeResult } from './scale-probe';
import { bareOnEstate } from './bare-on-estate';
import { machineClientToken } from '../local/oidc/machine-token';
import { type RehearsedContainer } from './task-definitions';
import { readAssembly, TemplateResolver } from './templates';
import { driveOneCase } from './drive-case';
import { startOutsideWorld } from './outside-world';
import { assertNoClearText, dumpDatabases } from './database-grep';
import { checkOwnClientCertificates } from './client-identities';
import { checkServersDatabaseUser } from './database-users';
import { userPoolClientId } from './cognito-stand-in';
import { healthCheckProcessLine, runHealthCheck, waitHealthy } from './container-health';
import { checkMetricDefinitions, scrapeServerMetrics } from './server-metrics-scrape';

export interface RehearsalOptions {
  readonly runDir: string;
  /** Skip driving a case through the API (the shortened form stops once the API is healthy). */
  readonly driveCase: boolean;
  /** Cases per round of the scale probe (one worker task, then two); absent: no probe. */
  readonly scaleProbe?: number;
  readonly log?: (line: string) => void;
}

export interface RehearsalResult {
  readonly steps: StepClock['records'];
  readonly totalSeconds: number;
  readonly scale?: ScaleProbeResult;
}

/** uid:gid every Saring task runs as (infra NON_ROOT_USER); PostgreSQL runs as it too. */
const TASK_USER = '1000:1000';
/** Task starts per service before the rehearsal gives up, as the ECS deployment circuit breaker would. */
const ECS_SERVICE_ATTEMPTS = 3;

/**
 * Runs the synthesized self-hosted dev estate on this machine, in the order a first deployment brings it up, and
 * stops everything it started. Throws at the first step that fails, with the step's name and the task's log tail.
 */
export async function rehearse(options: RehearsalOptions): Promise<RehearsalResult> {
  const log = options.log ?? console.log;
  const clock = new StepClock(log);
  const running: ManagedProcess[] = [];
  /** The task each Temporal role's service currently runs (the last replacement, if one exited). */
  const roleTasks = new Map<string, ManagedProcess>();
  /** Saring's own tasks and the database, by name (the scale probe reads their CPU). */
  const appTasks = new Map<string, ManagedProcess>();
  fs.rmSync(options.runDir, { recursive: true, force: true });
  fs.mkdirSync(options.runDir, { recursive: true });
  const subnet = `127.${20 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}`;
  const ipOf = (n: number) => `${subnet}.${n}`;
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      log(`stopping ${running.length} processes...`);
      for (const process of [...running].reverse()) await process.stop(15_000);
      log('stopped everything the rehearsal started');
    })());
  // Ctrl-C mid-way still stops every task and server (they run in their own process groups).
  const onSignal = (signal: NodeJS.Signals) =>
    void stopAll().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // The officers the stand-in for Cognito knows: a verifier and two supervisors (approval is four-eyes).
  const officers = {
    verifier: { username: 'rehearsal.verifier', password: randomPassword() },
    drafter: { username: 'rehearsal.supervisor', password: randomPassword() },
    approver: { username: 'rehearsal.supervisor2', password: randomPassword() },
  };
  try {
    const tools = await clock.run(
      'toolchain: Temporal server, temporal-sql-tool, dockerize (Go module proxy)',
      async () => {
        const built = await ensureTemporalServer();
        return {
          ...built,
          temporalCli: readManifest().temporalCli.path,
          moduleDir: temporalServerModuleDir(),
        };
      },
    );
    const images = layOutImages(path.join(options.runDir, 'images'), tools);

    const { estate, resolver, stacks } = await clock.run(
      'synthesize the self-hosted dev estate (CDK, in process)',
      async () => {
        const outdir = path.join(options.runDir, 'cdk.out');
        const config = loadEnvironmentConfig({ environment: 'dev', temporalMode: 'self-hosted' });
        const app = saringApp({ outdir, context: { 'aws:cdk:disable-asset-staging': true } });
        buildSaring(app, config);
        app.synth();
        const assembly = readAssembly(outdir, { region: config.region, account: config.account });
        const resolver = new TemplateResolver(assembly, (resource, attribute) => {
          if (resource.type === 'AWS::RDS::DBCluster' && attribute === 'Endpoint.Address')
            return `${resource.id.toLowerCase()}.cluster-rehearsal.${config.region}.rds.amazonaws.com`;
          const clientId =
            attribute === 'Ref'
              ? userPoolClientId(assembly.templates.get(resource.stack)!.Resources[resource.id]!)
              : undefined;
          return clientId ?? `rehearsal-${resource.id}-${attribute}`;
        });
        const stacks = [...assembly.templates.keys()];
        return { estate: findEstate(resolver, stacks), resolver, stacks };
      },
    );
    checkImages(estate);
    await clock.run('each Temporal client has a certificate of its own', async () => {
      log(`  ${checkOwnClientCertificates(estate)}`);
    });

    // Addresses: one per task, as awsvpc gives each task its own ENI.
    const dbIp = ipOf(10);
    const serverIps = Object.fromEntries(estate.servers.map((s, i) => [s.name, ipOf(11 + i)]));
    const hosts: Record<string, string> = { [estate.database.endpoint]: dbIp };
    for (const [dnsName, role] of Object.entries(estate.serviceNames)) hosts[dnsName] = serverIps[role]!;

    const outsideWorld = await clock.run(
      'outside world: S3 (versitygw, locked buckets), partner and notification simulators',
      () => startOutsideWorld(options.runDir, running, estate.worker),
    );

    const standIns = await clock.run('stand-in secrets, shaped like the declared ones', async () => {
      const dnsNamespace = Object.keys(estate.serviceNames)[0]!.replace(/^[^.]+\./, '');
      const declared = declaredSecrets(resolver, stacks);
      const tlsClients = new Set<string>();
      for (const secret of declared) {
        for (const key of secret.keys) {
          const match = /^(.+?)(Cert|Key)(B64)?$/.exec(key);
          if (match && !['ca', 'server'].includes(match[1]!)) tlsClients.add(match[1]!);
        }
      }
      const certificates = issueClusterCertificates(path.join(options.runDir, 'pki'), dnsNamespace, [
        ...tlsClients,
      ]);
      return writeStandIns(path.join(options.runDir, 'secrets'), declared, {
        certificates,
        databasePassword: randomPassword(),
        databaseEndpoint: estate.database.endpoint,
        databasePort: estate.database.port,
        appConfigJson: JSON.stringify(outsideWorld.appConfig),
      });
    });

    const pgDataDir = path.join(options.runDir, 'postgres', 'data');
    const masterUser = await clock.run('Aurora writer: PostgreSQL 15, TLS required', async () => {
      if (!estate.database.schemaWaitsForWriter) {
        throw new Error(
          'The schema run does not wait for the Aurora writer instance (only for the cluster): CloudFormation may start it before any instance accepts connections.',
        );
      }
      const db = [...standIns.entries()].find(([, v]) => v.username && v.password && v.engine)?.[1];
      if (!db) throw new Error('No database secret among the declared secrets');
      const postgres = await startPostgres({
        dataDir: pgDataDir,
        ip: dbIp,
        port: estate.database.port,
        masterUser: db.username!,
        masterPassword: db.password!,
        user: TASK_USER,
        logFile: path.join(options.runDir, 'logs', 'postgres.log'),
      });
      running.push(postgres);
      appTasks.set('postgres', postgres);
      return db.username!;
    });

    const sandbox = (container: RehearsedContainer, ip: string, root: ImageRoot, name = container.name) =>
      startSandboxed({
        name,
        ip,
        hosts,
        etcTemporal: root.etcTemporal,
        binDir: root.binDir,
        workingDirectory:
          container.image.workingDirectory === '/app' ? REPO_ROOT : container.image.workingDirectory,
        processLine: container.processLine,
        environment: {
          ...imageEnvironment(container),
          ...container.environment,
          ...secretEnvironment(container, standIns),
        },
        user: container.user,
        runDir: path.join(options.runDir, 'tasks'),
        logFile: path.join(options.runDir, 'logs', `${name}.log`),
      });
    const runToCompletion = async (
      container: RehearsedContainer,
      ip: string,
      name: string,
      timeoutMs: number,
    ) => {
      const task = sandbox(container, ip, images.adminTools, name);
      running.push(task);
      const timer = setTimeout(() => void task.stop(), timeoutMs);
      const code = await task.exited;
      clearTimeout(timer);
      if (code !== 0) {
        throw new Error(
          `${name} exited ${code} (process line: ${JSON.stringify(container.processLine).slice(0, 160)}...). Log ${task.logFile}:\n${tailOf(task.logFile, 12)}`,
        );
      }
    };

    await clock.run('schema task (deploy-time run before the servers)', () =>
      runToCompletion(estate.schemaTask, ipOf(20), 'schema-task', 300_000),
    );

    await clock.run(`Temporal services: ${estate.servers.map((s) => s.name).join(', ')}`, async () => {
      // An ECS service replaces a task that stops (the circuit breaker gives up after repeated failures): on a
      // fresh database the roles race to write the cluster metadata and the losers exit once.
      const startRole = async (server: RehearsedContainer, attempt = 1): Promise<void> => {
        const ip = serverIps[server.name];
        const task = sandbox(
          server,
          ip!,
          images.server,
          attempt === 1 ? server.name : `${server.name}-${attempt}`,
        );
        running.push(task);
        roleTasks.set(server.name, task);
        const waits = new AbortController();
        const outcome = await Promise.race([
          Promise.any(server.ports.map((port) => waitForPort(port, 240_000, ip, waits.signal))).then(
            () => 'up' as const,
          ),
          task.exited.then((code) => code),
        ]).finally(() => waits.abort());
        if (outcome === 'up') return;
        if (attempt >= ECS_SERVICE_ATTEMPTS) {
          throw new Error(
            `${server.name} exited ${outcome} ${attempt} times. Log ${task.logFile}:\n${tailOf(task.logFile, 8)}`,
          );
        }
        log(
          `  ${server.name} exited ${outcome}; ECS would start a replacement task (attempt ${attempt + 1})`,
        );
        return startRole(server, attempt + 1);
      };
      await Promise.all(estate.servers.map((server) => startRole(server)));
    });

    const healthCheckOf = (server: RehearsedContainer, name: string) =>
      sandbox(
        { ...server, processLine: healthCheckProcessLine(server) },
        serverIps[server.name]!,
        images.server,
        name,
      );
    await clock.run(
      'container health checks of the Temporal roles (commands from the task definitions)',
      async () => {
        const attempts = await Promise.all(
          estate.servers.map((server) =>
            waitHealthy(server.name, (n) => healthCheckOf(server, `${server.name}-health-${n}`), {
              timeoutMs: 180_000,
              everyMs: 2_000,
              checkTimeoutMs: 15_000,
              tail: (check) => tailOf(check.logFile, 6),
            }),
          ),
        );
        log(`  healthy: ${estate.servers.map((s, i) => `${s.name} (check ${attempts[i]})`).join(', ')}`);
      },
    );

    for (const [index, task] of estate.namespaceTasks.entries()) {
      await clock.run(
        `deploy-time run after the servers (${index + 1}/${estate.namespaceTasks.length})`,
        () => runToCompletion(task, ipOf(21 + index), `namespace-task-${index + 1}`, 420_000),
      );
    }

    await clock.run('the Temporal servers use their own database user, not the master user', async () => {
      log(
        `  ${checkServersDatabaseUser({ dataDir: pgDataDir, port: estate.database.port, user: TASK_USER, masterUser })}`,
      );
    });

    const frontend = frontendAddress(estate, serverIps);
    const cli = adminCli({
      estate,
      frontendAddress: frontend,
      standIns,
      runDir: options.runDir,
      temporalCli: tools.temporalCli,
    });
    await clock.run('the 9 custom search attributes are registered on the namespace', async () => {
      const registered = listSearchAttributes(cli, rehearsedNamespace(estate));
      const missing = Object.values(CASE_SEARCH_ATTRIBUTES)
        .map((key) => key.name)
        .filter((name) => !registered.includes(name));
      if (missing.length > 0) {
        throw new Error(
          `Namespace ${rehearsedNamespace(estate)} lacks ${missing.length} custom search attributes (${missing.join(', ')}): every case's first upsert would fail its workflow task.`,
        );
      }
    });

    // Named apart from the Temporal server's worker role, whose container is also called "worker" (own log).
    // Under awsvpc each task listens on its own ENI; here tasks share the host's network namespace, so when the
    // scale probe runs two worker tasks, each binds its metrics listener to its own address, not 0.0.0.0.
    const startWorkerTask = async (name: string, ip: string) => {
      const container = options.scaleProbe
        ? onOwnAddress(estate.worker, RUNTIME_ENV.prometheusBind, ip)
        : estate.worker;
      if (container !== estate.worker)
        log(`  ${name}: ${RUNTIME_ENV.prometheusBind}=${container.environment[RUNTIME_ENV.prometheusBind]}`);
      const task = sandbox(container, ip, { binDir: path.dirname(process.execPath) }, name);
      running.push(task);
      appTasks.set(name, task);
      await waitForLine(task, /worker polling/, 180_000);
    };
    await clock.run(
      options.scaleProbe
        ? "worker (the template environment, metrics listener on the task's own address)"
        : 'worker (exactly the template environment)',
      () => startWorkerTask(`saring-${estate.worker.name}`, ipOf(30)),
    );

    await clock.run('fetcher (exactly the template environment)', async () => {
      // Its S3 client uses the SDK's defaults (no app config secret): in ECS the task role's credentials and
      // S3's regional endpoint, stood in here as for the API. Without them every snapshot write fails and
      // captureSnapshot retries for 30 min, so the driven case never leaves intake.
      log(`  AWS endpoint and task-role credentials (ECS and the AWS network): S3 stood in by versitygw`);
      const task = sandbox(
        { ...estate.fetcher, environment: { ...estate.fetcher.environment, ...outsideWorld.awsEnvironment } },
        ipOf(32),
        { binDir: path.dirname(process.execPath) },
      );
      running.push(task);
      appTasks.set(estate.fetcher.name, task);
      await waitForLine(task, /fetcher polling/, 180_000);
    });

    let oidcIssuer = '';
    const apiUrl = await clock.run(
      'API (exactly the template environment) and its load balancer health check',
      async () => {
        // Cognito stands in as the local OIDC provider (local/oidc/), as S3 stands in as versitygw: the API
        // keeps exactly its template environment except the issuer URL, which names the Cognito user pool
        // (https://cognito-idp.<region>.amazonaws.com/<pool>) and is replaced by the local provider's.
        const oidc = await startOidcProviderProcess({
          dataDir: path.join(options.runDir, 'oidc'),
          logFile: path.join(options.runDir, 'logs', 'oidc.log'),
          users: [
            { ...officers.verifier, name: 'Rehearsal Verifier', groups: ['verifier'] },
            { ...officers.drafter, name: 'Rehearsal Supervisor', groups: ['supervisor'] },
            { ...officers.approver, name: 'Rehearsal Second Supervisor', groups: ['supervisor'] },
          ],
          consoleOrigins: [`http://${ipOf(31)}:${estate.api.ports[0]}`],
        });
        running.push(oidc.process);
        oidcIssuer = oidc.issuer;
        const cognitoIssuer = estate.api.environment[RUNTIME_ENV.oidcIssuer];
        if (!cognitoIssuer) throw new Error(`The API task sets no ${RUNTIME_ENV.oidcIssuer}`);
        log(
          `  ${RUNTIME_ENV.oidcIssuer}: ${cognitoIssuer} stood in by the local OIDC provider ${oidc.issuer}`,
        );
        log(`  AWS endpoint and task-role credentials (ECS and the AWS network): S3 stood in by versitygw`);
        const task = sandbox(
          {
            ...estate.api,
            environment: {
              ...estate.api.environment,
              [RUNTIME_ENV.oidcIssuer]: oidc.issuer,
              ...outsideWorld.awsEnvironment,
            },
          },
          ipOf(31),
          { binDir: path.dirname(process.execPath) },
          estate.api.name,
        );
        running.push(task);
        appTasks.set(estate.api.name, task);
        await waitForLine(task, /api listening on/, 180_000);
        const url = `http://${ipOf(31)}:${estate.api.ports[0]}`;
        const health = await fetch(`${url}${estate.apiHealthPath}`);
        if (health.status !== 200)
          throw new Error(`GET ${estate.apiHealthPath}: ${health.status} ${await health.text()}`);
        return url;
      },
    );

    if (options.driveCase) {
      const driven = await driveOneCase(apiUrl, officers, (name, body) => clock.run(name, body));
      log(`  ${driven.caseId} closed; clarification published at ${driven.publishedUrl}`);
      await clock.run(
        'the Temporal database holds none of the case texts in clear (pg_dump, blobs decoded)',
        async () => {
          const dump = dumpDatabases({
            dataDir: pgDataDir,
            port: estate.database.port,
            user: TASK_USER,
            masterUser,
            outFile: path.join(options.runDir, 'postgres', 'dump-with-decoded-blobs.bin'),
          });
          log(
            `  ${assertNoClearText(dump, { ...driven.secrets }, { caseId: driven.caseId, assignee: officers.verifier.username })}`,
          );
        },
      );
    }
    let scale: ScaleProbeResult | undefined;
    if (options.scaleProbe) {
      const casesPerRound = options.scaleProbe;
      scale = await clock.run(
        `scale probe: ${casesPerRound} detections with one worker task, ${casesPerRound} bare cases, ${casesPerRound} detections with two`,
        async () => {
          const bare = await bareOnEstate({
            address: frontend,
            workerEnvironment: {
              ...estate.worker.environment,
              ...secretEnvironment(estate.worker, standIns),
            },
            logFile: path.join(options.runDir, 'logs', 'bare-worker.log'),
            running,
          });
          try {
            return await probeScale({
              apiUrl,
              crawlerToken: () =>
                machineClientToken(oidcIssuer, path.join(options.runDir, 'oidc'), 'crawler'),
              cli,
              namespace: rehearsedNamespace(estate),
              taskQueue: estate.worker.environment[RUNTIME_ENV.taskQueue]!,
              casesPerRound,
              services: () =>
                new Map([...roleTasks, ...appTasks].map(([name, task]) => [name, task.pid] as const)),
              addWorkerTask: () => startWorkerTask(`saring-${estate.worker.name}-2`, ipOf(33)),
              bare,
              say: log,
            });
          } finally {
            await bare.close();
          }
        },
      );
      fs.writeFileSync(path.join(options.runDir, 'scale-probe.json'), JSON.stringify(scale, null, 2) + '\n');
    }
    if (options.driveCase) {
      await clock.run(
        "Temporal server metrics: each role's PROMETHEUS_ENDPOINT scraped, mapped names present",
        async () => {
          log(`  ${checkMetricDefinitions(tools.moduleDir)}`);
          for (const line of await scrapeServerMetrics(estate.servers)) log(`  ${line}`);
        },
      );
    }
    await clock.run("each role's health check fails once the role is stopped", async () => {
      for (const server of estate.servers) {
        await roleTasks.get(server.name)!.stop(15_000);
        const code = await runHealthCheck(
          () => healthCheckOf(server, `${server.name}-health-stopped`),
          15_000,
        );
        if (code === 0)
          throw new Error(`${server.name}: the health check still passes with the role stopped`);
        log(`  ${server.name} stopped: health check exit ${code}`);
      }
    });
    return { steps: clock.records, totalSeconds: clock.totalSeconds(), ...(scale ? { scale } : {}) };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopAll();
  }
}

/** The log's last lines, each cut short (server errors carry whole stack traces on one line). */
function tailOf(logFile: string, lines: number): string {
  return fullTailOf(logFile, lines)
    .split('\n')
    .map((line) => (line.length > 400 ? `${line.slice(0, 400)}...` : line))
    .join('\n');
}

function checkImages(estate: Estate): void {
  const expect = (
    container: RehearsedContainer,
    spec: (typeof PINNED_IMAGES)[keyof typeof PINNED_IMAGES],
  ) => {
    if (container.image !== spec)
      throw new Error(`${container.name} runs ${container.image.repository}, expected ${spec.repository}`);
  };
  expect(estate.schemaTask, PINNED_IMAGES.adminTools);
  for (const server of estate.servers) expect(server, PINNED_IMAGES.server);
  expect(estate.worker, PINNED_IMAGES.app);
  expect(estate.fetcher, PINNED_IMAGES.app);
  expect(estate.api, PINNED_IMAGES.app);
}

/** The container with a `0.0.0.0:port` listener variable bound to the task's own address instead. */
function onOwnAddress(container: RehearsedContainer, variable: string, ip: string): RehearsedContainer {
  const bind = container.environment[variable];
  if (!bind?.startsWith('0.0.0.0:')) return container;
  return { ...container, environment: { ...container.environment, [variable]: bind.replace('0.0.0.0', ip) } };
}

/** The image's own ENV lines (Dockerfile), which ECS passes along with the task definition's environment. */
function imageEnvironment(container: RehearsedContainer): Record<string, string> {
  if (container.image === PINNED_IMAGES.server) return { TEMPORAL_HOME: '/etc/temporal' };
  if (container.image === PINNED_IMAGES.app) return { NODE_ENV: 'production' };
  return {};
}

async function waitForLine(task: ManagedProcess, line: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (fs.existsSync(task.logFile) && line.test(fs.readFileSync(task.logFile, 'utf8'))) return;
    const exited = await Promise.race([
      task.exited.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 300)),
    ]);
    if (exited) throw new Error(`${task.name} exited. Log ${task.logFile}:\n${tailOf(task.logFile, 15)}`);
    if (Date.now() > deadline)
      throw new Error(`${task.name} did not log ${line} in ${timeoutMs} ms:\n${tailOf(task.logFile, 15)}`);
  }
}

/** Lists the namespace's search attributes with the temporal CLI, as an engineer with the admin certificate would. */
function listSearchAttributes(cli: AdminCli, namespace: string): string[] {
  const out = cli(['operator', 'search-attribute', 'list', '--namespace', namespace, '--output', 'json']);
  return [...out.matchAll(/"(Saring[A-Za-z]+)"/g)].map((m) => m[1]!);
}
