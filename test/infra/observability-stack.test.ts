import { Match } from 'aws-cdk-lib/assertions';
import { METRIC, METRIC_DIMENSION, METRICS_NAMESPACE } from '../../config/metrics';
import { ALARMS } from '../../infra/stacks/observability-stack';
import { type CfnResourceJson, resourcesOfType, SELECTIONS, useSynthesis } from '../support/infra/synth';

const prod = useSynthesis(SELECTIONS.prodSelfHosted);

function alarm(name: string): CfnResourceJson['Properties'] {
  const found = resourcesOfType(prod().json('observability'), 'AWS::CloudWatch::Alarm').find(
    ([, a]) => a.Properties?.AlarmName === `saring-prod-${name}`,
  );
  if (!found) throw new Error(`no alarm ${name}`);
  return found[1].Properties;
}

describe('observability stack', () => {
  it('pages the rapid response unit through an encrypted, TLS-only SNS topic', () => {
    const t = prod().template('observability');
    t.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'saring-prod-rapid-response',
      KmsMasterKeyId: { 'Fn::ImportValue': Match.stringLikeRegexp('PlatformKey') },
    });
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ],
      },
    });
    const emails = resourcesOfType(prod().json('observability'), 'AWS::SNS::Subscription').map(
      ([, s]) => s.Properties?.Endpoint,
    );
    expect(emails.sort()).toEqual([...prod().config.observability.alarmEmails].sort());
  });

  it('alarms on every SLA breach: the per-event SlaBreached samples, summed per period', () => {
    expect(alarm(ALARMS.slaBreach)).toMatchObject({
      Namespace: METRICS_NAMESPACE,
      MetricName: METRIC.slaBreached,
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('alarms on worker errors and on a backlog the scaling could not absorb', () => {
    const { observability, workers } = prod().config;
    expect(alarm(ALARMS.workerErrors)).toMatchObject({
      MetricName: METRIC.workerErrors,
      Threshold: observability.workerErrorThreshold,
    });
    const backlog = alarm(ALARMS.backlog)!;
    expect(backlog).toMatchObject({
      MetricName: METRIC.taskQueueBacklog,
      Dimensions: [{ Name: METRIC_DIMENSION.taskQueue, Value: workers.taskQueue }],
      EvaluationPeriods: 3,
    });
    // Sane: the alarm fires well above the point where scaling starts, so it means "scaling is not enough".
    expect(backlog.Threshold).toBeGreaterThan(workers.scaleOutBacklog);
  });

  it('treats missing running-worker data as an outage', () => {
    expect(alarm(ALARMS.workersDown)).toMatchObject({
      Namespace: 'ECS/ContainerInsights',
      MetricName: 'RunningTaskCount',
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
  });

  it('sends every alarm and its recovery to the topic, and draws the dashboard', () => {
    const t = prod().template('observability');
    const alarms = resourcesOfType(prod().json('observability'), 'AWS::CloudWatch::Alarm');
    // The app's own alarms, beside the estate's (Temporal, Aurora, load balancer: estate-observability.test.ts).
    const appAlarms = alarms.filter(([, a]) => !String(a.Metadata?.['aws:cdk:path']).includes('/Estate/'));
    expect(appAlarms).toHaveLength(Object.keys(ALARMS).length);
    expect(alarms.length).toBeGreaterThan(appAlarms.length);
    for (const [, a] of alarms) {
      expect(a.Properties?.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^RapidResponse/) }]);
      expect(a.Properties?.OKActions).toEqual([{ Ref: expect.stringMatching(/^RapidResponse/) }]);
    }
    t.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'saring-prod-operations' });
  });
});
