import { BLOCKED_IPV4, BLOCKED_IPV6, blockedRangeOf, describeVerdict } from '../../../lib/net/blocked-ranges';
import { ipv6Bytes } from '../../../lib/net/ipv6-bytes';
import { seededRandom } from '../../../lib/seeded-random';

const SEED = Number(process.env.SARING_TEST_SEED ?? Date.now() % 1_000_000);

function randomInV4(cidr: string, next: () => number): string {
  const [network = '', prefix = '32'] = cidr.split('/');
  const base = network.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
  const size = 2 ** (32 - Number(prefix));
  const value = base + Math.floor(next() * size);
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function randomInV6(cidr: string, next: () => number): string {
  const [network = '', prefix = '128'] = cidr.split('/');
  const bytes = ipv6Bytes(network)!;
  for (let bit = Number(prefix); bit < 128; bit += 1) {
    if (next() < 0.5) bytes[bit >> 3]! ^= 0x80 >> (bit & 7);
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
}

describe(`blocked address ranges (seed ${SEED}; rerun with SARING_TEST_SEED=${SEED})`, () => {
  beforeAll(() => console.log(`blocked-ranges seed: ${SEED}`));

  it.each(BLOCKED_IPV4.map((range) => [range.cidr, range.name]))(
    '50 random addresses in %s (%s) are refused',
    (cidr) => {
      const next = seededRandom(SEED + cidr.length);
      for (let i = 0; i < 50; i += 1) {
        const address = randomInV4(cidr, next);
        expect([address, blockedRangeOf(address)]).toEqual([address, expect.objectContaining({ address })]);
      }
    },
  );

  it.each(BLOCKED_IPV6.map((range) => [range.cidr, range.name]))(
    '50 random addresses in %s (%s) are refused',
    (cidr) => {
      const next = seededRandom(SEED + cidr.length * 7);
      for (let i = 0; i < 50; i += 1) {
        const address = randomInV6(cidr, next);
        expect([address, blockedRangeOf(address)]).toEqual([address, expect.objectContaining({ address })]);
      }
    },
  );

  it('names the embedded IPv4 of mapped, compatible, NAT64, 6to4 and Teredo addresses', () => {
    const cases: [string, string][] = [
      ['::ffff:a9fe:a9fe', '169.254.169.254'],
      ['::ffff:169.254.169.254', '169.254.169.254'],
      ['::7f00:1', '127.0.0.1'],
      ['64:ff9b::a9fe:a9fe', '169.254.169.254'],
      ['64:ff9b:1:a9fe:a9:fe00::', '169.254.169.254'],
      ['2002:a00:1::1', '10.0.0.1'],
      ['2001:0:4136:e378:8000:63bf:3fff:fdd2', '192.0.2.45'],
    ];
    for (const [address, embedded] of cases)
      expect(blockedRangeOf(address)?.embedded?.address).toBe(embedded);
    expect(describeVerdict(blockedRangeOf('::ffff:a9fe:a9fe')!)).toBe(
      '::ffff:a9fe:a9fe is in ::ffff:0:0/96 (IPv4-mapped), carrying 169.254.169.254 in 169.254.169.254/32 (cloud instance metadata (AWS, GCP, Azure))',
    );
  });

  it('lets public unicast addresses through', () => {
    for (const address of [
      '1.1.1.1',
      '8.8.8.8',
      '93.184.215.14',
      '103.10.20.30',
      '2606:4700:4700::1111',
      '2404:6800:4003:c00::8a',
      '2a00:1450:4001::200e',
    ]) {
      expect([address, blockedRangeOf(address)]).toEqual([address, undefined]);
    }
  });

  it('refuses what is not an IP address', () => {
    expect(blockedRangeOf('example.com')).toMatchObject({ name: 'not an IP address' });
  });
});
