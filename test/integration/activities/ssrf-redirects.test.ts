import { resolverAt } from '../../../activities/http/dns-resolver';
import type { EgressPolicy } from '../../../activities/http/egress-policy';
import type { ResolveHost } from '../../../activities/http/network-guard';
import { startCountingServers, type CountingServers } from '../../support/egress/counting-servers';
import { attempt, refusalOf, startAllowedServer, type AllowedServer } from '../../support/egress/egress-kit';
import { HOSTILE_ZONE, hostileUrls } from '../../support/egress/hostile-urls';
import { startTestDnsServer, type TestDnsServer } from '../../support/egress/test-dns-server';

/**
 * Redirects: an allowed server (127.0.0.1 on the one port the test policy allows) answers 302 to each
 * hostile URL of the table, and to data:, file:, gopher:, ftp: and a non-web port. Every hop is checked
 * again, so each is refused after exactly one request to the allowed server and nothing reaches the traps.
 */
describe('redirects from an allowed server to hostile targets', () => {
  let dns: TestDnsServer;
  let trap: CountingServers;
  let allowed: AllowedServer;
  let resolve: ResolveHost;
  let policy: EgressPolicy;
  const tally = { tried: 0, refused: 0, accepted: 0 };

  beforeAll(async () => {
    [dns, trap, allowed] = await Promise.all([
      startTestDnsServer(HOSTILE_ZONE),
      startCountingServers(['127.0.0.1', '::1']),
      startAllowedServer(),
    ]);
    resolve = resolverAt([dns.server]);
    policy = { allowPrivateNetwork: false, allowTargets: [{ address: '127.0.0.1', port: allowed.port }] };
  });

  afterAll(async () => {
    console.log(
      `SSRF redirects: ${tally.tried} hostile redirect targets tried, ${tally.refused} refused, ${tally.accepted} accepted`,
    );
    await Promise.all([dns?.close(), trap?.close(), allowed?.stop()]);
  });

  const PLACEHOLDER = 65_000;
  const targets = [
    ...hostileUrls(PLACEHOLDER).filter((entry) => !entry.url.includes('\\')),
    { group: 'redirect schemes', url: 'data:text/html;base64,PGgxPmhpPC9oMT4=', reason: 'scheme data:' },
    { group: 'redirect schemes', url: 'file:///proc/self/environ', reason: 'scheme file:' },
    { group: 'redirect schemes', url: 'gopher://127.0.0.1:6379/_FLUSHALL', reason: 'scheme gopher:' },
    { group: 'redirect schemes', url: 'ftp://ftp.example.org/pub/', reason: 'scheme ftp:' },
    { group: 'redirect ports', url: 'http://public.hostile.test:8080/', reason: 'port 8080' },
    { group: 'redirect relative', url: '//169.254.169.254/latest/meta-data/', reason: '169.254.169.254/32' },
    { group: 'redirect relative', url: '//[::ffff:a9fe:a9fe]/', reason: '169.254.169.254/32' },
    {
      group: 'redirect same server, other port',
      url: 'http://127.0.0.1:PORT_PLUS_ONE/',
      reason: '127.0.0.0/8 (loopback)',
    },
  ];

  it.each(targets.map((entry) => [entry.group, entry.url, entry] as const))(
    '%s: redirect to %s is refused',
    async (_group, _url, entry) => {
      const target = entry.url
        .replaceAll(`:${PLACEHOLDER}`, `:${trap.port}`)
        .replace('PORT_PLUS_ONE', String(allowed.port + 1));
      const hitsBefore = allowed.hits.get('/to') ?? 0;
      const trapBefore = trap.total();
      tally.tried += 1;
      const { outcome, released, witness } = await attempt(
        `${allowed.url}/to?u=${encodeURIComponent(target)}`,
        {
          timeoutMs: 5_000,
          maxBytes: 1_024,
          policy,
          resolve,
        },
      );
      if (outcome.ok) tally.accepted += 1;
      const refusal = refusalOf(outcome);
      tally.refused += 1;
      expect(refusal.message).toMatch(/^refused before connecting: /);
      expect(refusal.message).toContain(entry.reason);
      expect(allowed.hits.get('/to')).toBe(hitsBefore + 1);
      // Only the first hop, to the allowed server, was released for a connection.
      expect(released).toEqual([{ host: '127.0.0.1', address: '127.0.0.1', port: allowed.port }]);
      // Independent witness (undici's diagnostics channel): one connection, to the allowed server.
      expect(witness.connectionsEstablished).toBe(1);
      expect(trap.total()).toBe(trapBefore);
    },
  );

  it('follows redirects within the limit and refuses the one past it', async () => {
    const within = await attempt(`${allowed.url}/chain/4`, {
      timeoutMs: 5_000,
      maxBytes: 1_024,
      policy,
      resolve,
    });
    expect(within.outcome.ok && within.outcome.response.redirects).toHaveLength(5);
    const past = await attempt(`${allowed.url}/chain/5`, {
      timeoutMs: 5_000,
      maxBytes: 1_024,
      policy,
      resolve,
    });
    expect(refusalOf(past.outcome).message).toContain('more than 5 redirects');
  });

  it('the trap listeners were never reached', () => {
    expect(trap.total()).toBe(0);
  });
});
