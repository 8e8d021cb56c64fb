import type { EnvironmentConfigInput } from '../schema';

/**
 * Production: three AZs, two of everything that serves officers, locks long enough for legal holds.
 * Retention: evidence 5 years, audit trail 10 years (set with the provincial records office; lengthen only:
 * compliance-mode locks can never be shortened).
 */
export const prod: EnvironmentConfigInput = {
  name: 'prod',
  account: '222222222222',
  region: 'ap-southeast-3',
  availabilityZones: ['ap-southeast-3a', 'ap-southeast-3b', 'ap-southeast-3c'],
  network: {
    cidr: '10.41.0.0/16',
    natGateways: 2,
    flowLogRetentionDays: 365,
    interfaceEndpoints: ['ecr.api', 'ecr.dkr', 'logs', 'secretsmanager', 'kms', 'monitoring'],
  },
  data: {
    evidenceRetentionDays: 1827,
    auditRetentionDays: 3653,
    accessLogExpirationDays: 400,
    deleteAfterRetentionGraceDays: 90,
    backup: { dailyRetentionDays: 35, monthlyRetentionDays: 365, vaultLockMode: 'compliance' },
  },
  temporal: {
    mode: 'self-hosted',
    namespace: 'saring',
    selfHosted: {
      serverVersion: '1.29.1',
      adminToolsVersion: '1.29.1-tctl-1.18.4-cli-1.5.0',
      uiVersion: '2.42.1',
      namespaceRetentionDays: 90,
      numHistoryShards: 512,
      frontend: { cpu: 512, memoryMiB: 1024, desiredCount: 2 },
      history: { cpu: 1024, memoryMiB: 4096, desiredCount: 2 },
      matching: { cpu: 512, memoryMiB: 1024, desiredCount: 2 },
      worker: { cpu: 256, memoryMiB: 1024, desiredCount: 1 },
      ui: { cpu: 256, memoryMiB: 512, desiredCount: 1 },
      adminTask: { cpu: 256, memoryMiB: 512 },
      database: {
        engineVersion: '16.11',
        minCapacityAcu: 1,
        maxCapacityAcu: 8,
        readers: 1,
        port: 5433,
        backupRetentionDays: 30,
        deletionProtection: true,
      },
    },
    cloud: { endpoint: 'saring-prod.a1b2c.tmprl.cloud:7233', namespace: 'saring-prod.a1b2c', auth: 'mtls' },
  },
  workers: {
    cpu: 1024,
    memoryMiB: 2048,
    taskQueue: 'saring-cases',
    minTasks: 2,
    maxTasks: 10,
    scaleOutBacklog: 200,
    scaleInBacklog: 20,
    stopTimeoutSeconds: 120,
  },
  api: {
    cpu: 512,
    memoryMiB: 1024,
    desiredCount: 2,
    port: 8080,
    healthCheckPath: '/healthz',
    domainName: 'saring.example.go.id',
    temporalUiDomainName: 'temporal.saring.example.go.id',
    certificateArn:
      'arn:aws:acm:ap-southeast-3:222222222222:certificate/00000000-0000-4000-8000-000000000002',
    cognitoDomainPrefix: 'saring-kalsel',
    wafRateLimit: 2000,
  },
  observability: {
    alarmEmails: ['rru-oncall@example.go.id', 'diskominfo-ops@example.go.id'],
    logRetentionDays: 365,
    slaBreachThreshold: 1,
    workerErrorThreshold: 10,
    backlogAlarmThreshold: 1000,
  },
  // only images pinned by digest
  images: { requireDigests: true },
};
