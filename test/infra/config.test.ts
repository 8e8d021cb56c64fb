import {
  ConfigError,
  ENVIRONMENTS,
  loadEnvironmentConfig,
  parseEnvironmentConfig,
} from '../../infra/config/load';
import { type EnvironmentConfigInput } from '../../infra/config/schema';

const dev = ENVIRONMENTS.dev!;

function withChange(change: (raw: EnvironmentConfigInput) => void): EnvironmentConfigInput {
  const raw = structuredClone(dev);
  change(raw);
  return raw;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('environment configuration', () => {
  it.each(Object.keys(ENVIRONMENTS))('%s parses in both Temporal modes', (environment) => {
    expect(loadEnvironmentConfig({ environment }).temporal.mode).toBe('self-hosted');
    const cloud = loadEnvironmentConfig({ environment, temporalMode: 'cloud' }).temporal;
    expect(cloud.mode).toBe('cloud');
  });

  it('narrows the Temporal section to the selected mode', () => {
    const selfHosted = loadEnvironmentConfig({ environment: 'prod' }).temporal;
    if (selfHosted.mode !== 'self-hosted') throw new Error('unreachable');
    expect(selfHosted.database.deletionProtection).toBe(true);
    expect(selfHosted.namespace).toBe('saring');
  });

  it('keeps dev and prod apart: accounts, retention, sizes', () => {
    const d = loadEnvironmentConfig({ environment: 'dev' });
    const p = loadEnvironmentConfig({ environment: 'prod' });
    expect(d.account).not.toBe(p.account);
    expect(p.data.evidenceRetentionDays).toBeGreaterThanOrEqual(365 * 5);
    expect(p.data.auditRetentionDays).toBeGreaterThanOrEqual(p.data.evidenceRetentionDays);
    expect(p.availabilityZones.length).toBeGreaterThanOrEqual(d.availabilityZones.length);
    expect(p.workers.minTasks).toBeGreaterThanOrEqual(2);
  });

  it.each<[string, (raw: EnvironmentConfigInput) => void, RegExp]>([
    [
      'an invalid Fargate size',
      (r) => void (r.workers.cpu = 300),
      /workers\.cpu: Fargate CPU must be one of/,
    ],
    [
      'memory that does not fit the CPU',
      (r) => void (r.api.memoryMiB = 8192),
      /api\.memoryMiB: 8192 MiB is not a valid/,
    ],
    ['a malformed account id', (r) => void (r.account = '1234'), /account: an AWS account id is 12 digits/],
    [
      'an AZ outside the region',
      (r) => void (r.availabilityZones = ['ap-southeast-3a', 'ap-southeast-1b']),
      /availabilityZones\.1: ap-southeast-1b is not in region/,
    ],
    [
      'a log retention CloudWatch refuses',
      (r) => void (r.observability.logRetentionDays = 10),
      /observability\.logRetentionDays: must be one of/,
    ],
    [
      'an unpinned image',
      (r) => void (r.temporal.selfHosted.uiVersion = 'latest'),
      /temporal\.selfHosted\.uiVersion: pin an exact version/,
    ],
    [
      'admin tools for another server',
      (r) => void (r.temporal.selfHosted.adminToolsVersion = '1.28.0'),
      /temporal\.selfHosted\.adminToolsVersion: must be built for serverVersion/,
    ],
    [
      'a retention of zero days',
      (r) => void (r.data.evidenceRetentionDays = 0),
      /data\.evidenceRetentionDays/,
    ],
    [
      'a stop timeout Fargate does not allow',
      (r) => void (r.workers.stopTimeoutSeconds = 300),
      /workers\.stopTimeoutSeconds/,
    ],
    [
      'inverted scaling thresholds',
      (r) => void (r.workers.scaleInBacklog = 500),
      /workers\.scaleInBacklog: must be below workers\.scaleOutBacklog/,
    ],
    [
      'a bad alarm address',
      (r) => void (r.observability.alarmEmails = ['not-an-email']),
      /observability\.alarmEmails\.0/,
    ],
    [
      'cloud mode without its block',
      (r) => {
        r.temporal.mode = 'cloud';
        delete r.temporal.cloud;
      },
      /temporal\.cloud: required when temporal\.mode is "cloud"/,
    ],
  ])('rejects %s and names the field', (_label, change, message) => {
    expect(errorOf(() => parseEnvironmentConfig(withChange(change), 'dev'))).toMatch(message);
  });

  it('reports every problem at once, prefixed with the environment', () => {
    const message = errorOf(() =>
      parseEnvironmentConfig(
        withChange((r) => {
          r.account = 'x';
          r.network.natGateways = 3;
        }),
        'dev',
      ),
    );
    expect(message).toMatch(/^Invalid Saring configuration for "dev"/);
    expect(message).toMatch(/account:/);
    expect(message).toMatch(/network\.natGateways: cannot exceed the number of availability zones/);
  });

  it('rejects an unknown environment or Temporal mode from context', () => {
    expect(errorOf(() => loadEnvironmentConfig({ environment: 'staging' }))).toMatch(
      /Unknown Saring environment "staging".*known: dev, prod/,
    );
    expect(errorOf(() => loadEnvironmentConfig({ environment: 'dev', temporalMode: 'hosted' }))).toMatch(
      /saring:temporalMode="hosted": expected one of self-hosted, cloud/,
    );
  });
});
