import { localActivitiesConfig } from '../../../config/activities';
import { loadWorkerConfig } from '../../../workers/worker-config';

const localActivities = localActivitiesConfig({
  s3: {
    endpoint: 'http://127.0.0.1:7070',
    region: 'ap-southeast-3',
    evidenceBucket: 'local-evidence',
    auditBucket: 'local-audit',
  },
  channels: {
    platformSimulator: 'http://127.0.0.1:8090',
    policeSimulator: 'http://127.0.0.1:8091',
    publishingSimulator: 'http://127.0.0.1:8092',
    webhookSink: 'http://127.0.0.1:8093',
    smtpSink: 'smtp://127.0.0.1:2525',
  },
});

describe('egress settings cannot be relaxed in the cloud', () => {
  const load = (activities: unknown, env: Record<string, string> = {}) =>
    loadWorkerConfig({
      SARING_CONFIG_JSON: JSON.stringify({ temporal: { address: '127.0.0.1:7233' }, activities }),
      ...env,
    });

  it('the local config may reach the private network', () => {
    expect(load(localActivities).activities.fetch).toMatchObject({
      allowPrivateNetwork: true,
      allowTargets: [],
    });
  });

  it('a worker with a Temporal API key or TLS refuses allowPrivateNetwork and allowTargets, naming the field', () => {
    expect(() => load(localActivities, { TEMPORAL_API_KEY: 'cloud-key' })).toThrow(
      /activities\.fetch\.allowPrivateNetwork: allowPrivateNetwork is for the local demo only/,
    );
    const withTargets = {
      ...localActivities,
      fetch: {
        ...localActivities.fetch,
        allowPrivateNetwork: false,
        allowTargets: [{ address: '127.0.0.1', port: 8080 }],
      },
    };
    expect(() => load(withTargets, { TEMPORAL_TLS: 'true' })).toThrow(
      /activities\.fetch\.allowTargets: allowTargets is for tests only/,
    );
  });

  it('the cloud defaults keep the production rules', () => {
    const cloud = { ...localActivities, fetch: {}, notifications: {} };
    expect(load(cloud, { TEMPORAL_API_KEY: 'cloud-key' }).activities.fetch).toMatchObject({
      allowPrivateNetwork: false,
      allowTargets: [],
    });
  });
});
