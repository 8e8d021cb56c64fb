import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { ipv4At, ipv6Bytes } from './ipv6-bytes';

/** A range no reported URL may make the worker connect to, with the name a refusal shows. */
export interface BlockedRange {
  cidr: string;
  name: string;
  /** Where the IPv4 address sits inside an IPv6 address of this range (mapped, compatible, NAT64, 6to4, Teredo). */
  embedsIPv4?: { offsets: readonly [number, number, number, number]; xor?: number };
}

/** Special-purpose IPv4 space (IANA registry, RFC 6890 and successors). Most specific first, so the name is the telling one. */
export const BLOCKED_IPV4: readonly BlockedRange[] = [
  { cidr: '169.254.169.254/32', name: 'cloud instance metadata (AWS, GCP, Azure)' },
  { cidr: '169.254.170.2/32', name: 'ECS task metadata and credentials' },
  { cidr: '100.100.100.200/32', name: 'Alibaba Cloud metadata' },
  { cidr: '255.255.255.255/32', name: 'limited broadcast' },
  { cidr: '0.0.0.0/8', name: '"this network" / unspecified' },
  { cidr: '10.0.0.0/8', name: 'private network (RFC 1918)' },
  { cidr: '100.64.0.0/10', name: 'carrier-grade NAT (RFC 6598)' },
  { cidr: '127.0.0.0/8', name: 'loopback' },
  { cidr: '169.254.0.0/16', name: 'link-local' },
  { cidr: '172.16.0.0/12', name: 'private network (RFC 1918)' },
  { cidr: '192.0.0.0/24', name: 'IETF protocol assignments' },
  { cidr: '192.0.2.0/24', name: 'documentation (TEST-NET-1)' },
  { cidr: '192.31.196.0/24', name: 'AS112 service' },
  { cidr: '192.52.193.0/24', name: 'AMT' },
  { cidr: '192.88.99.0/24', name: '6to4 relay anycast (deprecated)' },
  { cidr: '192.168.0.0/16', name: 'private network (RFC 1918)' },
  { cidr: '192.175.48.0/24', name: 'direct delegation AS112 service' },
  { cidr: '198.18.0.0/15', name: 'benchmarking (RFC 2544)' },
  { cidr: '198.51.100.0/24', name: 'documentation (TEST-NET-2)' },
  { cidr: '203.0.113.0/24', name: 'documentation (TEST-NET-3)' },
  { cidr: '224.0.0.0/4', name: 'multicast' },
  { cidr: '240.0.0.0/4', name: 'reserved (class E)' },
];

/** Special-purpose IPv6 space. Ranges that carry an IPv4 address say where, so that address is checked too. */
export const BLOCKED_IPV6: readonly BlockedRange[] = [
  { cidr: '::/128', name: 'unspecified' },
  { cidr: '::1/128', name: 'loopback' },
  { cidr: 'fd00:ec2::254/128', name: 'cloud instance metadata (AWS IPv6)' },
  { cidr: '::ffff:0:0/96', name: 'IPv4-mapped', embedsIPv4: { offsets: [12, 13, 14, 15] } },
  { cidr: '::ffff:0:0:0/96', name: 'IPv4-translated (SIIT)', embedsIPv4: { offsets: [12, 13, 14, 15] } },
  { cidr: '::/96', name: 'IPv4-compatible (deprecated)', embedsIPv4: { offsets: [12, 13, 14, 15] } },
  { cidr: '64:ff9b::/96', name: 'NAT64 well-known prefix', embedsIPv4: { offsets: [12, 13, 14, 15] } },
  { cidr: '64:ff9b:1::/48', name: 'NAT64 local-use prefix', embedsIPv4: { offsets: [6, 7, 9, 10] } },
  { cidr: '100::/64', name: 'discard-only' },
  { cidr: '2001::/32', name: 'Teredo', embedsIPv4: { offsets: [12, 13, 14, 15], xor: 0xff } },
  { cidr: '2001:2::/48', name: 'benchmarking' },
  { cidr: '2001:10::/28', name: 'ORCHID (deprecated)' },
  { cidr: '2001:20::/28', name: 'ORCHIDv2' },
  { cidr: '2001:db8::/32', name: 'documentation' },
  { cidr: '2002::/16', name: '6to4', embedsIPv4: { offsets: [2, 3, 4, 5] } },
  { cidr: '3fff::/20', name: 'documentation' },
  { cidr: '5f00::/16', name: 'SRv6 segment identifiers' },
  { cidr: 'fc00::/7', name: 'unique local (private network)' },
  { cidr: 'fe80::/10', name: 'link-local' },
  { cidr: 'fec0::/10', name: 'site-local (deprecated)' },
  { cidr: 'ff00::/8', name: 'multicast' },
];

/** Why an address is refused: the range it is in and, for IPv6 that carries an IPv4 address, that address's range. */
export interface AddressVerdict {
  address: string;
  cidr: string;
  name: string;
  embedded?: { address: string; cidr: string; name: string };
}

interface CompiledRange extends BlockedRange {
  list: BlockList;
}

function compile(ranges: readonly BlockedRange[], type: 'ipv4' | 'ipv6'): CompiledRange[] {
  return ranges.map((range) => {
    const [network = '', prefix = ''] = range.cidr.split('/');
    const list = new BlockList();
    list.addSubnet(network, Number(prefix), type);
    return { ...range, list };
  });
}

const V4 = compile(BLOCKED_IPV4, 'ipv4');
const V6 = compile(BLOCKED_IPV6, 'ipv6');
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6');

function blockedIPv4(address: string): AddressVerdict | undefined {
  const range = V4.find((candidate) => candidate.list.check(address, 'ipv4'));
  return range ? { address, cidr: range.cidr, name: range.name } : undefined;
}

/**
 * The range that makes an address unfit to fetch from, or undefined for a public unicast address.
 * IPv6 outside global unicast 2000::/3 is refused even where no named range covers it. Text that is no
 * IP address at all is refused as such: a host name must be resolved first.
 */
export function blockedRangeOf(text: string): AddressVerdict | undefined {
  const address = text.replace(/^\[|\]$/g, '');
  if (isIPv4(address)) return blockedIPv4(address);
  const bytes = ipv6Bytes(address);
  if (!bytes || !isIPv6(address.replace(/%.*$/, '')))
    return { address, cidr: '-', name: 'not an IP address' };
  const plain = address.replace(/%.*$/, '');
  const range = V6.find((candidate) => candidate.list.check(plain, 'ipv6'));
  if (range) {
    const verdict: AddressVerdict = { address, cidr: range.cidr, name: range.name };
    if (range.embedsIPv4) {
      const embedded = blockedIPv4(ipv4At(bytes, range.embedsIPv4.offsets, range.embedsIPv4.xor));
      if (embedded) verdict.embedded = embedded;
    }
    return verdict;
  }
  if (!GLOBAL_UNICAST.check(plain, 'ipv6'))
    return { address, cidr: '2000::/3', name: 'outside IPv6 global unicast' };
  return undefined;
}

/** One line for people: "169.254.169.254 is in 169.254.169.254/32 (cloud instance metadata ...)". */
export function describeVerdict(verdict: AddressVerdict): string {
  const own = `${verdict.address} is in ${verdict.cidr} (${verdict.name})`;
  return verdict.embedded
    ? `${own}, carrying ${verdict.embedded.address} in ${verdict.embedded.cidr} (${verdict.embedded.name})`
    : own;
}
