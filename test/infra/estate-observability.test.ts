import { ESTATE_ALARMS } from '../../infra/constructs/observability/estate-alarms';
import {
  SERVER_METRICS_PORT,
  TEMPORAL_SERVER_METRICS_NAMESPACE,
} from '../../infra/constructs/temporal/server-metrics';
import { resourcesOfType, SELECTIONS, useSynthesis } from '../support/infra/synth';

const devSelfHosted = useSynthesis(SELECTIONS.devSelfHosted);
const prodCloud = useSynthesis(SELECTIONS.prodCloud);

interface Container {
  Name: string;
  Environment?: { Name: string; Value: unknown }[];
  DependsOn?: { ContainerName: string; Condition: string }[];
}

const ROLES = ['frontend', 'history', 'matching', 'worker'] as const;

describe('Temporal server metrics and estate alarms (issue 11, defect 9)', () => {
  it('each Temporal role serves Prometheus on localhost and its collector scrapes it into CloudWatch', () => {
    const taskDefinitions = resourcesOfType(devSelfHosted().json('temporal'), 'AWS::ECS::TaskDefinition');
    for (const role of ROLES) {
      const containers = taskDefinitions
        .map(([, td]) => td.Properties?.ContainerDefinitions as Container[])
        .find((cs) => cs.some((c) => c.Name === role));
      expect({ role, found: containers !== undefined }).toEqual({ role, found: true });
      const server = containers!.find((c) => c.Name === role)!;
      const endpoint = server.Environment?.find((e) => e.Name === 'PROMETHEUS_ENDPOINT')?.Value;
      expect({ role, endpoint }).toEqual({ role, endpoint: `127.0.0.1:${SERVER_METRICS_PORT[role]}` });
      const collector = containers!.find((c) => c.Name === 'otel-collector');
      const config = JSON.stringify(
        collector?.Environment?.find((e) => e.Name === 'AOT_CONFIG_CONTENT')?.Value ?? null,
      );
      expect(config).toContain(`127.0.0.1:${SERVER_METRICS_PORT[role]}`);
      expect(config).toContain(TEMPORAL_SERVER_METRICS_NAMESPACE);
      expect(config).toMatch(new RegExp(`labels\\W+temporal_role\\W+${role}\\W`));
      // No traces from the servers: no OTLP receiver, so no X-Ray permission either.
      expect(config).not.toContain('awsxray');
    }
  });

  it('self-hosted: alarms on every Temporal role, persistence, Aurora and the load balancer, all paging the topic', () => {
    const alarms = resourcesOfType(devSelfHosted().json('observability'), 'AWS::CloudWatch::Alarm');
    const byName = new Map(alarms.map(([, a]) => [a.Properties?.AlarmName as string, a.Properties!]));
    const expected = [
      ...ROLES.map((role) => ESTATE_ALARMS.temporalServiceErrors(role)),
      ESTATE_ALARMS.temporalPersistenceErrors,
      ESTATE_ALARMS.temporalPersistenceLatency,
      ESTATE_ALARMS.workflowTaskScheduleToStart,
      ESTATE_ALARMS.workflowTaskFailures,
      ESTATE_ALARMS.auroraCpu,
      ESTATE_ALARMS.auroraFreeableMemory,
      ESTATE_ALARMS.auroraConnections,
      ESTATE_ALARMS.loadBalancer5xx,
      ESTATE_ALARMS.apiUnhealthyHosts,
    ].map((name) => `saring-dev-${name}`);
    for (const name of expected) {
      const alarm = byName.get(name);
      expect({ name, paged: JSON.stringify(alarm?.AlarmActions ?? []) }).toEqual({
        name,
        paged: expect.stringMatching(/RapidResponse/) as unknown,
      });
    }
    expect(byName.get('saring-dev-Temporal-history-ServiceErrors')).toMatchObject({
      Namespace: TEMPORAL_SERVER_METRICS_NAMESPACE,
      MetricName: 'service_errors',
      Dimensions: [{ Name: 'temporal_role', Value: 'history' }],
    });
    expect(byName.get('saring-dev-Aurora-Cpu')).toMatchObject({
      Namespace: 'AWS/RDS',
      Dimensions: [{ Name: 'DBClusterIdentifier', Value: 'saring-dev-temporal' }],
    });
    expect(byName.get('saring-dev-LoadBalancer5xx')).toMatchObject({
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_ELB_5XX_Count',
    });
    expect(byName.get('saring-dev-ApiUnhealthyHosts')).toMatchObject({ MetricName: 'UnHealthyHostCount' });
    // The cluster the Aurora alarms name is the one the Temporal stack creates.
    expect(
      resourcesOfType(devSelfHosted().json('temporal'), 'AWS::RDS::DBCluster').map(
        ([, c]) => c.Properties?.DBClusterIdentifier,
      ),
    ).toEqual(['saring-dev-temporal']);
  });

  it('Temporal Cloud: no server or Aurora alarms (nothing to scrape), the load balancer and schedule-to-start stay', () => {
    const names = resourcesOfType(prodCloud().json('observability'), 'AWS::CloudWatch::Alarm').map(
      ([, a]) => a.Properties?.AlarmName as string,
    );
    expect(names).toEqual(
      expect.arrayContaining(
        [
          ESTATE_ALARMS.workflowTaskScheduleToStart,
          ESTATE_ALARMS.loadBalancer5xx,
          ESTATE_ALARMS.apiUnhealthyHosts,
        ].map((n) => `saring-prod-${n}`),
      ),
    );
    expect(names.filter((n) => /Temporal-|Aurora-/.test(n))).toEqual([]);
  });
});
