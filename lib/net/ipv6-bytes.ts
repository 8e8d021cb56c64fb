import { isIPv4, isIPv6 } from 'node:net';

/**
 * The 16 bytes of an IPv6 address in any textual form the resolver or the URL parser produces
 * (`::ffff:a9fe:a9fe`, `::ffff:169.254.169.254`, `0:0:0:0:0:ffff:7f00:1`). Undefined when not IPv6.
 * A zone id (`fe80::1%eth0`) is dropped: the zone does not change which range the address is in.
 */
export function ipv6Bytes(text: string): Uint8Array | undefined {
  const address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIPv6(address)) return undefined;
  let head = address;
  const tail: number[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted?.[1] && dotted[2] && isIPv4(dotted[2])) {
    head = dotted[1].endsWith('::') ? dotted[1] : dotted[1].slice(0, -1);
    tail.push(...dotted[2].split('.').map(Number));
  }
  const [left = '', right] = head.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const leftGroups = groups(left);
  const rightGroups = right === undefined ? [] : groups(right);
  const missing = 8 - tail.length / 2 - leftGroups.length - rightGroups.length;
  const all = [
    ...leftGroups,
    ...new Array<number>(right === undefined ? 0 : missing).fill(0),
    ...rightGroups,
  ];
  const bytes = new Uint8Array(16);
  all.forEach((group, index) => {
    bytes[index * 2] = group >> 8;
    bytes[index * 2 + 1] = group & 0xff;
  });
  tail.forEach((octet, index) => (bytes[12 + index] = octet));
  return bytes;
}

/** Dotted-quad text of four bytes of an IPv6 address, e.g. the IPv4 address a NAT64 or 6to4 address carries. */
export function ipv4At(
  bytes: Uint8Array,
  offsets: readonly [number, number, number, number],
  xor = 0,
): string {
  return offsets.map((offset) => (bytes[offset] ?? 0) ^ xor).join('.');
}
