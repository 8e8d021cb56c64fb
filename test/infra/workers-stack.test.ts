import { WORKER_EXTRA_EGRESS_PORTS } from '../../infra/stacks/workers-stack';
import { Match } from 'aws-cdk-lib/assertions';
import { ENTRYPOINTS } from '../../infra/image';
import { METRIC, METRIC_DIMENSION, METRICS_NAMESPACE } from '../../config/metrics';
import { names } from '../../infra/naming';
import { containersOf } from '../support/infra/containers';
import { grantsOf, permissionsOf } from '../support/infra/iam';
import { resourcesOfType, SELECTIONS, useSynthesis } from '../support/infra/synth';

const dev = useSynthesis(SELECTIONS.devSelfHosted);
const workerContainer = () => containersOf(dev().json('workers')).find((c) => c.Name === 'worker');

describe('workers stack', () => {
  it('self-hosted: no Temporal Cloud search attribute registration (the namespace task registers them)', () => {
    const containers = containersOf(dev().json('workers')).map((c) => c.Name);
    expect(containers).not.toContain('register-search-attributes');
    expect(resourcesOfType(dev().json('workers'), 'Custom::RunTaskToCompletion')).toEqual([]);
  });

  it('runs workers/main.ts from the image built from this repository, beside the telemetry collector', () => {
    const containers = containersOf(dev().json('workers'));
    expect(containers.map((c) => c.Name).sort()).toEqual(['fetcher', 'otel-collector', 'worker']);
    const worker = containers.find((c) => c.Name === 'worker');
    expect(worker!.Command).toEqual([ENTRYPOINTS.worker]);
    // An image asset: CDK's bootstrap ECR repository, tagged with the asset hash.
    expect(JSON.stringify(worker!.Image)).toMatch(
      /container-assets-111111111111-ap-southeast-3:[0-9a-f]{64}/,
    );
  });

  it('shuts down gracefully: SIGTERM through an init process, the configured stop timeout, and a drain budget', () => {
    const { workers } = dev().config;
    const worker = workerContainer();
    expect(worker!.StopTimeout).toBe(workers.stopTimeoutSeconds);
    expect(worker!.LinuxParameters?.InitProcessEnabled).toBe(true);
    const grace = worker!.Environment?.find((e) => e.Name === 'SARING_SHUTDOWN_GRACE_SECONDS')?.Value;
    expect(Number(grace)).toBeLessThan(workers.stopTimeoutSeconds);
    expect(Number(grace)).toBeGreaterThan(0);
  });

  it('gets its channel config as SARING_CONFIG_JSON from the app-config secret, never as a plain value', () => {
    const worker = workerContainer();
    const config = (worker!.Secrets ?? []).find((secret) => secret.Name === 'SARING_CONFIG_JSON');
    expect(JSON.stringify(config?.ValueFrom)).toMatch(/AppConfig.*:json::/);
    expect((worker!.Environment ?? []).map((e) => e.Name)).not.toContain('SARING_CONFIG_JSON');
    const codec = (worker!.Secrets ?? []).find((secret) => secret.Name === 'SARING_CODEC_KEY_RING');
    expect(JSON.stringify(codec?.ValueFrom)).toMatch(/CodecKeys.*:keyRing::/);
  });

  it('runs non-root on a read-only root filesystem with a scratch /tmp', () => {
    const worker = workerContainer();
    expect(worker!.User).toBe('1000:1000');
    expect(worker!.ReadonlyRootFilesystem).toBe(true);
    expect(worker!.MountPoints).toEqual([{ ContainerPath: '/tmp', ReadOnly: false, SourceVolume: 'tmp' }]);
  });

  it('scales between the configured bounds on the published task-queue backlog metric', () => {
    const { workers } = dev().config;
    const t = dev().template('workers');
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: workers.minTasks,
      MaxCapacity: workers.maxTasks,
      ScalableDimension: 'ecs:service:DesiredCount',
    });
    const alarms = resourcesOfType(dev().json('workers'), 'AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThanOrEqual(2);
    for (const [, alarm] of alarms) {
      expect(alarm.Properties).toMatchObject({
        Namespace: METRICS_NAMESPACE,
        MetricName: METRIC.taskQueueBacklog,
        Dimensions: [{ Name: METRIC_DIMENSION.taskQueue, Value: workers.taskQueue }],
      });
    }
    const thresholds = alarms.map(([, a]) => a.Properties?.Threshold).sort((a, b) => Number(a) - Number(b));
    expect(thresholds).toEqual([workers.scaleInBacklog, workers.scaleOutBacklog]);
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: Match.objectLike({ AdjustmentType: 'ChangeInCapacity' }),
    });
  });

  it('may read and write evidence and the audit trail (the archive sweep reads it), list and delete vault records, nothing more on S3', () => {
    const { config } = dev();
    const evidence = `arn:aws:s3:::${names.bucket(config, 'evidence')}`;
    const audit = `arn:aws:s3:::${names.bucket(config, 'audit')}`;
    const vault = `arn:aws:s3:::${names.bucket(config, 'vault')}`;
    expect(grantsOf(dev().json('workers'), 'WorkerTaskTaskDefinitionTaskRole', 's3')).toEqual(
      [
        `s3:GetObject on ${evidence}/*`,
        `s3:GetObjectVersion on ${evidence}/*`,
        `s3:ListBucket on ${evidence}`,
        `s3:GetObject on ${audit}/*`,
        `s3:GetObjectVersion on ${audit}/*`,
        `s3:ListBucket on ${audit}`,
        `s3:PutObject on ${audit}/*`,
        `s3:PutObject on ${evidence}/*`,
        // The scheduled contact erasure: it never reads or writes a vault object.
        `s3:ListBucket on ${vault}`,
        `s3:DeleteObject on ${vault}/*`,
      ].sort(),
    );
    expect(workerContainer()!.Environment).toContainEqual({
      Name: 'SARING_VAULT_BUCKET',
      Value: names.bucket(config, 'vault'),
    });
    const kms = permissionsOf(dev().json('workers')).filter(
      (p) => p.policy.startsWith('WorkerTaskTaskDefinitionTaskRole') && p.action.startsWith('kms:'),
    );
    // Signing the ledger's heads: the ledger key only, no other use of it.
    expect(
      kms
        .filter((p) => /LedgerKey/.test(JSON.stringify(p.resource)))
        .map((p) => [p.action, p.condition])
        .sort(),
    ).toEqual([
      ['kms:GetPublicKey', undefined],
      ['kms:Sign', undefined],
    ]);
    // No right at all on the vault key: the worker cannot read a reporter contact.
    expect(kms.filter((p) => /VaultKey/.test(JSON.stringify(p.resource)))).toEqual([]);
    const dataKeyUse = kms.filter((p) => !/LedgerKey/.test(JSON.stringify(p.resource)));
    expect([...new Set(dataKeyUse.map((p) => p.action))].sort()).toEqual([
      'kms:Decrypt',
      'kms:GenerateDataKey',
    ]);
    for (const p of dataKeyUse) {
      expect(p.resource).toMatch(/DataKey/);
      expect(p.condition).toEqual({ StringEquals: { 'kms:ViaService': 's3.ap-southeast-3.amazonaws.com' } });
    }
    dev()
      .template('workers')
      .hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: 'cloudwatch:PutMetricData',
              Condition: { StringEquals: { 'cloudwatch:namespace': METRICS_NAMESPACE } },
            }),
          ]),
        },
      });
  });

  it('reaches the Temporal frontend only on its gRPC port, the internet on HTTPS, HTTP and SMTP only', () => {
    const t = dev().template('workers');
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Saring Temporal workers',
      // HTTP for snapshots of http:// URLs; 25/465/587 for notification e-mail (defect 5 of issue 11).
      SecurityGroupEgress: [443, ...WORKER_EXTRA_EGRESS_PORTS].map((port) =>
        Match.objectLike({ CidrIp: '0.0.0.0/0', FromPort: port, ToPort: port }),
      ),
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      FromPort: 7233,
      ToPort: 7233,
      IpProtocol: 'tcp',
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 7233,
      ToPort: 7233,
      IpProtocol: 'tcp',
    });
  });
});
