import { RUNTIME_ENV } from '../../config/runtime-env';
import { SIDECAR_OTLP_TRACES_URL, WORKER_PROMETHEUS_PORT } from '../../config/telemetry';
import { collectorConfig } from '../../infra/constructs/collector-config';
import { KNOWN_DIGESTS } from '../../infra/constructs/images/pinned-images';
import { COLLECTOR_IMAGE, SDK_METRICS_NAMESPACE } from '../../infra/constructs/telemetry-sidecar';
import { containersOf, type ContainerDefinition } from '../support/infra/containers';
import { permissionsOf } from '../support/infra/iam';
import { resourcesOfType, SELECTIONS, useSynthesis } from '../support/infra/synth';

const dev = useSynthesis(SELECTIONS.devSelfHosted);

const container = (concern: 'workers' | 'api', name: string): ContainerDefinition => {
  const found = containersOf(dev().json(concern)).find((c) => c.Name === name);
  if (!found) throw new Error(`no ${name} container in ${concern}`);
  return found;
};
const env = (c: ContainerDefinition, name: string) => c.Environment?.find((e) => e.Name === name)?.Value;

/** Traces and the Temporal SDK metrics leave each task through an ADOT collector sidecar on localhost. */
describe('telemetry: collector sidecar, Prometheus scrape and OTLP traces', () => {
  it('has the worker serve SDK metrics on 9464 and send spans to the sidecar; the API sends spans too', () => {
    const worker = container('workers', 'worker');
    expect(env(worker, RUNTIME_ENV.prometheusBind)).toBe(`0.0.0.0:${WORKER_PROMETHEUS_PORT}`);
    expect(env(worker, RUNTIME_ENV.otel)).toBe(SIDECAR_OTLP_TRACES_URL);
    expect(worker.PortMappings?.map((p) => p.ContainerPort)).toEqual([WORKER_PROMETHEUS_PORT]);
    expect(env(container('api', 'api'), RUNTIME_ENV.otel)).toBe(SIDECAR_OTLP_TRACES_URL);
  });

  it('opens no security group to the metrics port: only the sidecar in the same task scrapes it', () => {
    const rules = [
      ...resourcesOfType(dev().json('workers'), 'AWS::EC2::SecurityGroupIngress').map(
        ([, r]) => r.Properties,
      ),
      ...resourcesOfType(dev().json('workers'), 'AWS::EC2::SecurityGroup').flatMap(
        ([, g]) => (g.Properties?.SecurityGroupIngress as Record<string, unknown>[] | undefined) ?? [],
      ),
    ];
    expect(rules.filter((rule) => rule?.FromPort === WORKER_PROMETHEUS_PORT)).toEqual([]);
  });

  it.each(['workers', 'api'] as const)(
    '%s: runs the pinned ADOT collector, started first, never essential',
    (concern) => {
      const collector = container(concern, 'otel-collector');
      // Through the ECR pull-through cache, by digest (test/infra/pinned-images.test.ts checks every image).
      expect(JSON.stringify(collector.Image)).toContain(
        `/ecr-public/${COLLECTOR_IMAGE.repository}@${KNOWN_DIGESTS[`${COLLECTOR_IMAGE.repository}:${COLLECTOR_IMAGE.tag}`]!.digest}`,
      );
      expect(collector.Essential).toBe(false);
      expect(collector.ReadonlyRootFilesystem).toBe(true);
      const app = container(concern, concern === 'workers' ? 'worker' : 'api');
      expect(app.DependsOn).toEqual([{ ContainerName: 'otel-collector', Condition: 'START' }]);
    },
  );

  it('scrapes the worker on localhost into CloudWatch (EMF) and receives OTLP on localhost for X-Ray', () => {
    const config = JSON.stringify(env(container('workers', 'otel-collector'), 'AOT_CONFIG_CONTENT'));
    expect(config).toContain(`127.0.0.1:${WORKER_PROMETHEUS_PORT}`);
    expect(config).toContain('127.0.0.1:4318');
    expect(config).toContain('awsemf');
    expect(config).toContain('awsxray');
    expect(config).toContain(SDK_METRICS_NAMESPACE);
    // The API's collector only forwards traces.
    const apiConfig = JSON.stringify(env(container('api', 'otel-collector'), 'AOT_CONFIG_CONTENT'));
    expect(apiConfig).toContain('awsxray');
    expect(apiConfig).not.toContain('awsemf');
  });

  it('builds pipelines from receivers to exporters that exist', () => {
    const config = collectorConfig({
      region: 'ap-southeast-3',
      traces: true,
      prometheus: {
        jobName: 'saring-worker',
        port: 9464,
        scrapeIntervalSeconds: 60,
        namespace: 'N',
        logGroupName: 'G',
      },
    }) as {
      receivers: Record<string, unknown>;
      processors: Record<string, unknown>;
      exporters: Record<string, unknown>;
      service: {
        pipelines: Record<string, { receivers: string[]; processors: string[]; exporters: string[] }>;
      };
    };
    expect(Object.keys(config.service.pipelines).sort()).toEqual(['metrics', 'traces']);
    for (const pipeline of Object.values(config.service.pipelines)) {
      for (const name of pipeline.receivers) expect(config.receivers).toHaveProperty([name]);
      for (const name of pipeline.processors) expect(config.processors).toHaveProperty([name]);
      for (const name of pipeline.exporters) expect(config.exporters).toHaveProperty([name]);
    }
    expect(config.exporters.awsemf).toMatchObject({
      namespace: 'N',
      log_group_name: 'G',
      region: 'ap-southeast-3',
    });
  });

  it('lets the task write its spans to X-Ray and its metrics to its own EMF log group, nothing wider', () => {
    const permissions = permissionsOf(dev().json('workers')).filter((p) =>
      p.policy.startsWith('WorkerTaskTaskDefinitionTaskRole'),
    );
    expect(permissions.filter((p) => p.action.startsWith('xray:'))).toEqual([
      expect.objectContaining({ action: 'xray:PutTraceSegments', resource: '*' }),
    ]);
    const logs = permissions.filter((p) => p.action.startsWith('logs:'));
    expect(logs.map((p) => p.action).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    for (const p of logs) expect(p.resource).toMatch(/TelemetrySdkMetrics/);
  });
});
