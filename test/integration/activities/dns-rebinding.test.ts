import { Agent, fetch as undiciFetch } from 'undici';
import { resolverAt } from '../../../activities/http/dns-resolver';
import { checkTarget, type EgressPolicy } from '../../../activities/http/egress-policy';
import type { ResolveHost } from '../../../activities/http/network-guard';
import { startCountingServers, type CountingServers } from '../../support/egress/counting-servers';
import { attempt, refusalOf, startAllowedServer, type AllowedServer } from '../../support/egress/egress-kit';
import { startTestDnsServer, type TestDnsServer } from '../../support/egress/test-dns-server';

/**
 * DNS rebinding through a real DNS server (dns2 on 127.0.0.1, TTL 0): rebind.test answers first with
 * the address the policy allows (127.0.0.1, standing in for a public address) and from then on with
 * 127.0.0.2, where a counting listener waits on the same port. The fetcher resolves once per
 * connection and connects to the address it checked, so it never reaches the second answer.
 */
describe('DNS rebinding', () => {
  let dns: TestDnsServer;
  let allowed: AllowedServer;
  let rebound: CountingServers;
  let resolve: ResolveHost;
  let policy: EgressPolicy;

  beforeAll(async () => {
    allowed = await startAllowedServer();
    rebound = await startCountingServers(['127.0.0.2'], allowed.port);
    dns = await startTestDnsServer({
      'rebind.test': { a: (askedBefore) => (askedBefore === 0 ? ['127.0.0.1'] : ['127.0.0.2']) },
    });
    resolve = resolverAt([dns.server]);
    policy = { allowPrivateNetwork: false, allowTargets: [{ address: '127.0.0.1', port: allowed.port }] };
  });

  afterAll(async () => {
    await Promise.all([dns?.close(), rebound?.close(), allowed?.stop()]);
  });

  beforeEach(() => dns.reset());

  it('control: a check-then-fetch guard (the old design) is rebound to the second answer', async () => {
    // Check: the first answer passes the policy.
    const [checked] = await resolve('rebind.test');
    expect(checked).toBe('127.0.0.1');
    checkTarget(checked!, allowed.port, policy);
    // Fetch: the connection resolves again and goes wherever the second answer says.
    const before = rebound.total();
    const naive = new Agent({
      connect: {
        lookup: (hostname, _options, callback) => {
          resolve(hostname).then(
            (addresses) => callback(null, [{ address: addresses[0]!, family: 4 }]),
            (error: Error) => callback(error as NodeJS.ErrnoException, '', 0),
          );
        },
      },
    });
    await undiciFetch(`http://rebind.test:${allowed.port}/ok`, { dispatcher: naive }).catch(() => undefined);
    await naive.destroy();
    expect(rebound.total()).toBe(before + 1);
  });

  it('the fetcher resolves once, connects to the address it checked and never to the second answer', async () => {
    const before = rebound.total();
    const { outcome, released } = await attempt(`http://rebind.test:${allowed.port}/ok`, {
      timeoutMs: 5_000,
      maxBytes: 1_024,
      policy,
      resolve,
    });
    expect(outcome.ok && Buffer.from(outcome.response.body).toString()).toBe('allowed server');
    expect(dns.aQueries.get('rebind.test')).toBe(1);
    expect(released).toEqual([{ host: 'rebind.test', address: '127.0.0.1', port: allowed.port }]);
    expect(rebound.total()).toBe(before);

    // The next connection resolves again, sees the second answer and is refused at connect time.
    const again = await attempt(`http://rebind.test:${allowed.port}/ok`, {
      timeoutMs: 5_000,
      maxBytes: 1_024,
      policy,
      resolve,
    });
    expect(refusalOf(again.outcome).message).toContain(
      '127.0.0.2 is in 127.0.0.0/8 (loopback) (rebind.test -> 127.0.0.2)',
    );
    expect(again.released).toEqual([]);
    expect(rebound.total()).toBe(before);
  });

  it('a redirect back to the same name is checked again at connect time', async () => {
    const before = rebound.total();
    const hop = encodeURIComponent(`http://rebind.test:${allowed.port}/ok`);
    const { outcome, released } = await attempt(`http://rebind.test:${allowed.port}/to?u=${hop}`, {
      timeoutMs: 5_000,
      maxBytes: 1_024,
      policy,
      resolve,
    });
    expect(refusalOf(outcome).message).toContain('rebind.test -> 127.0.0.2');
    expect(released).toEqual([{ host: 'rebind.test', address: '127.0.0.1', port: allowed.port }]);
    expect(dns.aQueries.get('rebind.test')).toBe(2);
    expect(rebound.total()).toBe(before);
  });
});
