import { testPayloadKeys } from '../../support/codec/test-codec';
import { loadWorkerConfig } from '../../../workers/worker-config';
import { localActivitiesForTests as localActivities } from '../../support/config/base-worker-config';

describe('egress settings cannot be relaxed in the cloud', () => {
  const load = (activities: unknown, env: Record<string, string> = {}) =>
    loadWorkerConfig({
      SARING_CONFIG_JSON: JSON.stringify({
        temporal: { address: '127.0.0.1:7233', payloadKeys: testPayloadKeys },
        activities,
      }),
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
