import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadWorkerConfig } from '../../../workers/worker-config';
import { loadApiConfig } from '../../../api/api-config';
import { baseWorkerConfig as baseConfig } from '../../support/config/base-worker-config';

function writeConfig(content: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'saring-config-')), 'config.json');
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('runtime config: JSON file plus the cloud containers’ environment', () => {
  it('lets the container environment override Temporal, buckets, TLS material and the drain budget', () => {
    // With TLS material the worker is in the cloud, where fetching keeps the production egress rules.
    const file = writeConfig({
      ...baseConfig,
      activities: {
        ...baseConfig.activities,
        fetch: { ...baseConfig.activities.fetch, allowPrivateNetwork: false },
      },
    });
    const config = loadWorkerConfig({
      SARING_CONFIG_FILE: file,
      TEMPORAL_ADDRESS: 'temporal.saring.internal:7233',
      TEMPORAL_NAMESPACE: 'saring-prod',
      SARING_TASK_QUEUE: 'saring-cases-prod',
      SARING_EVIDENCE_BUCKET: 'saring-prod-evidence-111111111111-ap-southeast-3',
      SARING_AUDIT_BUCKET: 'saring-prod-audit-111111111111-ap-southeast-3',
      SARING_SHUTDOWN_GRACE_SECONDS: '100',
      TEMPORAL_TLS_CLIENT_CERT_DATA: '-----BEGIN CERTIFICATE-----x',
      TEMPORAL_TLS_CLIENT_KEY_DATA: '-----BEGIN PRIVATE KEY-----y',
    });
    expect(config.temporal).toMatchObject({
      address: 'temporal.saring.internal:7233',
      namespace: 'saring-prod',
      taskQueue: 'saring-cases-prod',
    });
    expect(config.temporal.tlsMaterial?.clientCertData).toContain('CERTIFICATE');
    expect(config.activities.s3.evidenceBucket).toBe('saring-prod-evidence-111111111111-ap-southeast-3');
    expect(config.activities.s3.auditBucket).toBe('saring-prod-audit-111111111111-ap-southeast-3');
    expect(config.activities.s3.endpoint).toBe('http://127.0.0.1:7070');
    expect(config.shutdownGraceSeconds).toBe(100);
  });

  it('keeps the file’s values where the environment says nothing', () => {
    const config = loadWorkerConfig({ SARING_CONFIG_FILE: writeConfig(baseConfig) });
    expect(config.temporal).toMatchObject({
      address: '127.0.0.1:7233',
      namespace: 'default',
      taskQueue: 'saring-cases',
      tls: false,
    });
    expect(config.shutdownGraceSeconds).toBe(30);
  });

  it('names the field when the file is wrong, and the variable when the environment is', () => {
    const broken = writeConfig({ ...baseConfig, temporal: { address: 'no-port-here' } });
    expect(() => loadWorkerConfig({ SARING_CONFIG_FILE: broken })).toThrow(/temporal\.address: host:port/);
    expect(() =>
      loadWorkerConfig({
        SARING_CONFIG_FILE: writeConfig(baseConfig),
        SARING_SHUTDOWN_GRACE_SECONDS: 'soon',
      }),
    ).toThrow(/SARING_SHUTDOWN_GRACE_SECONDS/);
    expect(() => loadWorkerConfig({})).toThrow(/SARING_CONFIG_FILE/);
  });

  it('reads the config content from SARING_CONFIG_JSON (containers get it from Secrets Manager)', () => {
    const config = loadWorkerConfig({
      SARING_CONFIG_JSON: JSON.stringify(baseConfig),
      TEMPORAL_NAMESPACE: 'saring-dev',
    });
    expect(config.temporal.namespace).toBe('saring-dev');
    expect(config.activities.police.endpoint).toBe('http://127.0.0.1:8091');
    expect(() => loadWorkerConfig({ SARING_CONFIG_JSON: '{"temporal": ' })).toThrow(
      /SARING_CONFIG_JSON is not valid JSON/,
    );
  });

  it('takes the Prometheus bind address from SARING_PROMETHEUS_BIND, and names the variable when it is not host:port', () => {
    const file = writeConfig(baseConfig);
    expect(loadWorkerConfig({ SARING_CONFIG_FILE: file }).prometheusBind).toBeUndefined();
    expect(
      loadWorkerConfig({ SARING_CONFIG_FILE: file, SARING_PROMETHEUS_BIND: '0.0.0.0:9464' }).prometheusBind,
    ).toBe('0.0.0.0:9464');
    expect(() => loadWorkerConfig({ SARING_CONFIG_FILE: file, SARING_PROMETHEUS_BIND: '9464' })).toThrow(
      /SARING_PROMETHEUS_BIND: host:port, e\.g\. 0\.0\.0\.0:9464/,
    );
  });

  it('refuses half an mTLS key pair', () => {
    expect(() =>
      loadWorkerConfig({
        SARING_CONFIG_FILE: writeConfig(baseConfig),
        TEMPORAL_TLS_CLIENT_CERT_DATA: 'cert only',
      }),
    ).toThrow(/clientCertData and clientKeyData go together/);
  });

  it('makes the API listen on every interface when the container gives it a port', () => {
    const file = writeConfig(baseConfig);
    expect(loadApiConfig({ SARING_CONFIG_FILE: file }).api).toMatchObject({ host: '127.0.0.1', port: 8080 });
    expect(loadApiConfig({ SARING_CONFIG_FILE: file, PORT: '3000' }).api).toMatchObject({
      host: '0.0.0.0',
      port: 3000,
    });
  });

  it('takes the sign-in issuer and client ids from the container environment (SARING_OIDC_*)', () => {
    const file = writeConfig(baseConfig);
    const issuer = 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_AbC123';
    const config = loadApiConfig({
      SARING_CONFIG_FILE: file,
      SARING_OIDC_ISSUER: issuer,
      SARING_OIDC_CONSOLE_CLIENT_ID: 'console123',
      SARING_OIDC_CLI_CLIENT_ID: 'cli123',
      SARING_OIDC_MACHINE_CLIENT_IDS: 'crawler123, partner123',
      SARING_AUDIT_BUCKET: 'cloud-audit',
    });
    expect(config.api.auth).toEqual({
      issuer,
      consoleClientId: 'console123',
      cliClientId: 'cli123',
      machineClientIds: ['crawler123', 'partner123'],
    });
    expect(config.s3.auditBucket).toBe('cloud-audit');
    expect(() => loadApiConfig({ SARING_CONFIG_FILE: file, SARING_OIDC_ISSUER: 'not a url' })).toThrow(
      /SARING_OIDC_ISSUER/,
    );
  });
});
