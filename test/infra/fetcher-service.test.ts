import { ENTRYPOINTS } from '../../infra/image';
import { names } from '../../infra/naming';
import { FETCH_TASK_QUEUE_SUFFIX } from '../../config/task-queues';
import { containersOf } from '../support/infra/containers';
import { permissionsOf } from '../support/infra/iam';
import { resourcesOfType, SELECTIONS, useSynthesis } from '../support/infra/synth';

/**
 * The fetcher in the cloud: its own task definition, role and security group. It fetches attacker-chosen
 * URLs, so it holds nothing worth stealing and reaches nothing but Temporal and the internet on 80/443.
 */
describe.each([
  ['self-hosted', SELECTIONS.devSelfHosted],
  ['cloud', SELECTIONS.devCloud],
] as const)('fetcher service, Temporal %s', (_mode, selection) => {
  const synth = useSynthesis(selection);
  const template = () => synth().json('workers');
  const fetcher = () => containersOf(template()).find((c) => c.Name === 'fetcher')!;
  it('runs workers/fetcher-main.ts on the fetch queue of the case queue, with the production fetch policy', () => {
    const c = fetcher();
    expect(c.Command).toEqual([ENTRYPOINTS.fetcher]);
    const env = Object.fromEntries((c.Environment ?? []).map((e) => [e.Name, e.Value]));
    expect(env.SARING_TASK_QUEUE).toBe(`${synth().config.workers.taskQueue}${FETCH_TASK_QUEUE_SUFFIX}`);
    expect(JSON.parse(String(env.SARING_CONFIG_JSON))).toEqual({
      s3: { region: synth().config.region },
      objectLock: { mode: 'COMPLIANCE', retainDays: synth().config.data.evidenceRetentionDays },
      fetch: { allowPrivateNetwork: false, allowTargets: [] },
    });
    expect(c.User).toBe('1000:1000');
    expect(c.ReadonlyRootFilesystem).toBe(true);
  });

  it('gets the Temporal client credential and the codec key ring, never the app config with partner and mail secrets', () => {
    const secrets = (fetcher().Secrets ?? []).map((s) => s.Name).sort();
    const worker = containersOf(template()).find((c) => c.Name === 'worker')!;
    const workerSecrets = (worker.Secrets ?? []).map((s) => s.Name);
    expect(workerSecrets).toContain('SARING_CONFIG_JSON');
    expect(secrets).toEqual(workerSecrets.filter((name) => name !== 'SARING_CONFIG_JSON').sort());
    expect(secrets).toContain('SARING_CODEC_KEY_RING');
    for (const s of fetcher().Secrets ?? []) expect(JSON.stringify(s.ValueFrom)).not.toMatch(/AppConfig/);
  });

  it('its task role may write and read back snapshots in the evidence bucket, nothing else', () => {
    const evidence = `arn:aws:s3:::${names.bucket(synth().config, 'evidence')}`;
    const granted = permissionsOf(template())
      .filter((p) => /^Fetcher\w*TaskRole/.test(p.policy))
      .map((p) => `${p.effect} ${p.action} on ${/DataKey/.test(p.resource) ? 'DataKey' : p.resource}`)
      .sort();
    expect(granted).toEqual(
      [
        `Allow s3:GetObject on ${evidence}/cases/*/snapshot/*`,
        `Allow s3:PutObject on ${evidence}/cases/*/snapshot/*`,
        'Allow kms:Decrypt on DataKey',
        'Allow kms:GenerateDataKey on DataKey',
      ].sort(),
    );
  });

  it('reaches the internet on 443 and 80 only, and inside the VPC only the Temporal frontend', () => {
    const groups = resourcesOfType(template(), 'AWS::EC2::SecurityGroup').filter(
      ([, g]) => g.Properties?.GroupDescription === 'Saring fetcher: fetches reported URLs only',
    );
    expect(groups).toHaveLength(1);
    const [groupId, group] = groups[0]!;
    const egress = (group.Properties?.SecurityGroupEgress ?? []) as Record<string, unknown>[];
    const temporalPorts = _mode === 'cloud' ? [7233] : [];
    expect(egress.map((rule) => [rule.CidrIp, rule.FromPort, rule.ToPort]).sort()).toEqual(
      [443, 80, ...temporalPorts].map((port) => ['0.0.0.0/0', port, port]).sort(),
    );
    // Rules to other security groups (the self-hosted frontend): Temporal's gRPC port only.
    const toGroups = resourcesOfType(template(), 'AWS::EC2::SecurityGroupEgress').filter(([, rule]) =>
      JSON.stringify(rule.Properties?.GroupId).includes(groupId),
    );
    for (const [, rule] of toGroups)
      expect([rule.Properties?.FromPort, rule.Properties?.ToPort]).toEqual([7233, 7233]);
    // Nothing in the stack lets the fetcher in anywhere but the frontend's gRPC port.
    const ingressFromFetcher = resourcesOfType(template(), 'AWS::EC2::SecurityGroupIngress').filter(
      ([, rule]) => JSON.stringify(rule.Properties?.SourceSecurityGroupId).includes(groupId),
    );
    for (const [, rule] of ingressFromFetcher)
      expect([rule.Properties?.FromPort, rule.Properties?.ToPort]).toEqual([7233, 7233]);
  });
});
