import { PRODUCTION_EGRESS } from '../../../activities/http/egress-policy';
import { resolverAt } from '../../../activities/http/dns-resolver';
import type { ResolveHost } from '../../../activities/http/network-guard';
import { startCountingServers, type CountingServers } from '../../support/egress/counting-servers';
import { attempt, refusalOf, startAllowedServer, type AllowedServer } from '../../support/egress/egress-kit';
import { HOSTILE_ZONE, hostileUrls } from '../../support/egress/hostile-urls';
import { startTestDnsServer, type TestDnsServer } from '../../support/egress/test-dns-server';

/**
 * The SSRF table: every hostile URL is refused under the production policy, with a reason naming the
 * range or rule, before any connection. Loopback forms point at a trap port where real listeners on
 * 127.0.0.1 and ::1 count connections; for targets that cannot be bound here the guard's connect probe
 * proves no address was released and the reason says "refused before connecting".
 */
describe('hostile URLs under the production egress policy', () => {
  let dns: TestDnsServer;
  let trap: CountingServers;
  let resolve: ResolveHost;
  const tally = { tried: 0, refused: 0, accepted: 0 };

  beforeAll(async () => {
    dns = await startTestDnsServer(HOSTILE_ZONE);
    trap = await startCountingServers(['127.0.0.1', '::1']);
    resolve = resolverAt([dns.server]);
  });

  afterAll(async () => {
    console.log(
      `SSRF table: ${tally.tried} hostile URLs tried, ${tally.refused} refused, ${tally.accepted} accepted`,
    );
    await Promise.all([dns?.close(), trap?.close()]);
  });

  // The trap port is only known once the listeners are up; the table is built with a placeholder and patched.
  const PLACEHOLDER = 65_000;
  const table = hostileUrls(PLACEHOLDER);

  it('has at least 100 hostile URLs', () => {
    expect(table.length).toBeGreaterThanOrEqual(100);
  });

  it.each(table.map((entry) => [entry.group, entry.url, entry] as const))(
    '%s: %s is refused',
    async (_group, _url, entry) => {
      const url = entry.url.replaceAll(`:${PLACEHOLDER}`, `:${trap.port}`);
      const before = trap.total();
      tally.tried += 1;
      const { outcome, released, witness } = await attempt(url, {
        timeoutMs: 5_000,
        maxBytes: 1_024,
        policy: PRODUCTION_EGRESS,
        resolve,
      });
      if (outcome.ok) tally.accepted += 1;
      const refusal = refusalOf(outcome);
      tally.refused += 1;
      expect(refusal.message).toMatch(/^refused before connecting: /);
      expect(refusal.message).toContain(entry.reason);
      expect(released).toEqual([]);
      expect(trap.total()).toBe(before);
      // Witnesses outside the guard (diagnostics channels): no connection was established, and a URL
      // refused on its own (literal address, scheme, port, parse) did not even create a socket. A name
      // refused at lookup had a socket object that never got an address to connect to.
      expect(witness.connectionsEstablished).toBe(0);
      if (!refusal.message.includes(' -> ')) expect(witness.socketsCreated).toBe(0);
    },
  );

  it('the trap listeners were never reached', () => {
    expect(trap.total()).toBe(0);
  });
});

describe('the production policy still lets a test server through only when allowed exactly', () => {
  let allowed: AllowedServer;

  beforeAll(async () => {
    allowed = await startAllowedServer();
  });

  afterAll(async () => {
    await allowed?.stop();
  });

  it('fetches 127.0.0.1 on the allowed port, and refuses the same server on another spelling of the port rule', async () => {
    const policy = {
      allowPrivateNetwork: false,
      allowTargets: [{ address: '127.0.0.1', port: allowed.port }],
    };
    const ok = await attempt(`${allowed.url}/ok`, { timeoutMs: 5_000, maxBytes: 1_024, policy });
    expect(ok.outcome.ok && Buffer.from(ok.outcome.response.body).toString()).toBe('allowed server');
    expect(ok.released).toEqual([{ host: '127.0.0.1', address: '127.0.0.1', port: allowed.port }]);
    // The witnesses do see a real connection, so their zeros above mean something.
    expect(ok.witness).toEqual({ socketsCreated: 1, connectionsEstablished: 1 });

    const other = await attempt(`http://127.0.0.1:${allowed.port + 1}/ok`, {
      timeoutMs: 5_000,
      maxBytes: 1_024,
      policy,
    });
    expect(refusalOf(other.outcome).message).toContain('127.0.0.0/8 (loopback)');
    const v6 = await attempt(`http://[::ffff:7f00:1]:${allowed.port}/ok`, {
      timeoutMs: 5_000,
      maxBytes: 1_024,
      policy,
    });
    expect(refusalOf(v6.outcome).message).toContain('::ffff:0:0/96 (IPv4-mapped), carrying 127.0.0.1');
    expect(allowed.hits.get('/ok')).toBe(1);
  });
});
