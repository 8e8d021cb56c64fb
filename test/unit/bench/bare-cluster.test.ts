import { bareCluster } from '../../../bench/peak/bare/bare-cluster';
import { tlsOptions } from '../../../config/temporal';

describe("the bare worker's cluster, from Saring's worker variables", () => {
  it('is the default namespace over a plain connection when nothing is set (the dev server)', () => {
    const cluster = bareCluster({ PATH: '/usr/bin' });
    expect(cluster.namespace).toBe('default');
    expect(tlsOptions(cluster)).toEqual({});
  });

  it("connects with mTLS as Saring's worker task does when its certificate is given", () => {
    const cluster = bareCluster({
      TEMPORAL_NAMESPACE: 'saring-dev',
      TEMPORAL_TLS_SERVER_NAME: 'frontend.saring.local',
      TEMPORAL_TLS_SERVER_CA_CERT_DATA: 'CA PEM',
      TEMPORAL_TLS_CLIENT_CERT_DATA: 'CERT PEM',
      TEMPORAL_TLS_CLIENT_KEY_DATA: 'KEY PEM',
    });
    expect(cluster.namespace).toBe('saring-dev');
    expect(tlsOptions(cluster)).toEqual({
      tls: {
        serverNameOverride: 'frontend.saring.local',
        serverRootCACertificate: Buffer.from('CA PEM'),
        clientCertPair: { crt: Buffer.from('CERT PEM'), key: Buffer.from('KEY PEM') },
      },
    });
  });

  it('refuses a certificate without its key, as the Saring worker does', () => {
    expect(() => bareCluster({ TEMPORAL_TLS_CLIENT_CERT_DATA: 'CERT PEM' })).toThrow();
  });
});
