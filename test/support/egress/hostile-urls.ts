import type { ZoneEntry } from './test-dns-server';

/** One URL a reported link or a redirect might carry, and the words its refusal must contain. */
export interface HostileUrl {
  url: string;
  /** A fragment of the refusal: the range's CIDR, or the rule (scheme, port, invalid URL). */
  reason: string;
  /** Which family of tricks, for the report. */
  group: string;
}

/** Names the test DNS server answers with hostile addresses (TTL 0). */
export const HOSTILE_ZONE: Record<string, ZoneEntry> = {
  localhost: { a: ['127.0.0.1'], aaaa: ['::1'] },
  'loop.hostile.test': { a: ['127.0.0.1'] },
  'loop6.hostile.test': { aaaa: ['::1'] },
  'meta.hostile.test': { a: ['169.254.169.254'] },
  'ecs.hostile.test': { a: ['169.254.170.2'] },
  'mapped-meta.hostile.test': { aaaa: ['::ffff:a9fe:a9fe'] },
  'nat64-meta.hostile.test': { aaaa: ['64:ff9b::a9fe:a9fe'] },
  'sixto4-private.hostile.test': { aaaa: ['2002:a00:1::1'] },
  'compat-loop.hostile.test': { aaaa: ['::7f00:1'] },
  'private.hostile.test': { a: ['10.0.0.1'] },
  'private172.hostile.test': { a: ['172.16.5.4'] },
  'private192.hostile.test': { a: ['192.168.1.1'] },
  'cgnat.hostile.test': { a: ['100.64.0.1'] },
  'bench.hostile.test': { a: ['198.18.0.1'] },
  'ula.hostile.test': { aaaa: ['fd00::1'] },
  'sitelocal.hostile.test': { aaaa: ['fec0::1'] },
  'linklocal6.hostile.test': { aaaa: ['fe80::1'] },
  'teredo.hostile.test': { aaaa: ['2001:0:4136:e378:8000:63bf:3fff:fdd2'] },
  'aws6.hostile.test': { aaaa: ['fd00:ec2::254'] },
  'all-bad.hostile.test': { a: ['10.0.0.1', '127.0.0.1'], aaaa: ['::1', 'fe80::1'] },
  'public.hostile.test': { a: ['93.184.215.14'] },
};

const LOOPBACK_V4 = '127.0.0.0/8';

/**
 * At least 100 hostile URLs: every textual encoding of the private, loopback, link-local, metadata,
 * CGNAT, benchmarking, multicast, reserved, NAT64, 6to4, Teredo, mapped and compatible ranges, names
 * that resolve to them, bad schemes, bad ports and URLs the parser refuses. Loopback forms carry the
 * trap port, where counting servers listen: a fetch that got through would be counted there.
 */
export function hostileUrls(trapPort: number): HostileUrl[] {
  const p = `:${trapPort}`;
  const list: HostileUrl[] = [];
  const add = (group: string, reason: string, urls: string[]) =>
    urls.forEach((url) => list.push({ url, reason, group }));

  add('loopback IPv4 encodings', LOOPBACK_V4, [
    `http://127.0.0.1${p}/`,
    `http://127.1${p}/`,
    `http://127.0.1${p}/`,
    `http://2130706433${p}/`,
    `http://0x7f000001${p}/`,
    `http://0x7F.0.0.1${p}/`,
    `http://0177.0.0.1${p}/`,
    `http://0177.0000.0000.0001${p}/`,
    `http://017700000001${p}/`,
    `http://127.000.000.001${p}/`,
    `http://127.0.0.1.${p}/`,
    `http://0x7f.0x0.0x0.0x1${p}/`,
    `http://%31%32%37.0.0.1${p}/`,
    `http://１２７.０.０.１${p}/`,
    `http://127。0。0。1${p}/`,
    `http://user:secret@127.0.0.1${p}/`,
    `http://example.com@127.0.0.1${p}/`,
    `http:\\\\127.0.0.1${p}\\`,
    `HTTP://127.0.0.1${p}/`,
    `http://127.2.3.4${p}/`,
    `https://127.0.0.1${p}/`,
  ]);
  add('loopback inside IPv6', LOOPBACK_V4, [
    `http://[::ffff:127.0.0.1]${p}/`,
    `http://[::ffff:7f00:1]${p}/`,
    `http://[0:0:0:0:0:ffff:7f00:1]${p}/`,
    `http://[::FFFF:7F00:0001]${p}/`,
    `http://[::127.0.0.1]${p}/`,
    `http://[::7f00:1]${p}/`,
    `http://[64:ff9b::127.0.0.1]${p}/`,
    `http://[64:ff9b::7f00:1]${p}/`,
    `http://[64:ff9b:1:7f00:0:100::]${p}/`,
    `http://[2002:7f00:1::]${p}/`,
    `http://[2002:7f00:0001:0:0:0:0:1]${p}/`,
    `http://[::ffff:0:7f00:1]${p}/`,
    `http://[2001:0:4136:e378:8000:63bf:80ff:fffe]${p}/`,
  ]);
  add('loopback IPv6', '::1/128 (loopback)', [
    `http://[::1]${p}/`,
    `http://[0:0:0:0:0:0:0:1]${p}/`,
    `http://[0000::0001]${p}/`,
    `https://[::1]${p}/`,
  ]);
  add('unspecified', '0.0.0.0/8', [
    `http://0.0.0.0${p}/`,
    `http://0${p}/`,
    `http://0x0${p}/`,
    `http://0.0${p}/`,
  ]);
  add('unspecified IPv6', '::/128 (unspecified)', [`http://[::]${p}/`, `http://[0:0:0:0:0:0:0:0]${p}/`]);
  // Names are resolved only for a port that could be allowed, so these go to port 80: the connect probe proves no address was released.
  add('loopback names', 'loopback', [
    'http://localhost/',
    'http://LOCALHOST./',
    'https://localhost/',
    'http://loop.hostile.test/',
    'http://loop6.hostile.test/',
    'http://compat-loop.hostile.test/',
  ]);

  const metadata = '169.254.169.254/32 (cloud instance metadata';
  add('metadata IPv4 encodings', metadata, [
    'http://169.254.169.254/latest/meta-data/',
    'http://2852039166/',
    'http://0xa9fea9fe/',
    'http://0251.0376.0251.0376/',
    'http://0xa9.0xfe.0xa9.0xfe/',
    'http://169.254.43518/',
    'http://169.16689662/',
    'http://0251.254.169.254/',
    'http://169.254.169.254./',
    'https://169.254.169.254/',
    'http://169.254.169.254:80/',
    'http://%31%36%39.254.169.254/',
  ]);
  add('metadata inside IPv6', metadata, [
    'http://[::ffff:a9fe:a9fe]/',
    'http://[::ffff:169.254.169.254]/',
    'http://[0:0:0:0:0:ffff:a9fe:a9fe]/',
    'http://[::a9fe:a9fe]/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[64:ff9b::169.254.169.254]/',
    'http://[64:ff9b:1:a9fe:a9:fe00::]/',
    'http://[2002:a9fe:a9fe::]/',
    'http://[2002:a9fe:a9fe:0:0:0:0:1]/',
    'http://[::ffff:0:a9fe:a9fe]/',
    'http://[2001:0:4136:e378:8000:63bf:5601:5601]/',
  ]);
  add('metadata names', 'metadata', [
    'http://meta.hostile.test/',
    'http://mapped-meta.hostile.test/',
    'http://nat64-meta.hostile.test/',
    'http://ecs.hostile.test/',
    'http://aws6.hostile.test/',
  ]);
  add('ECS task metadata', '169.254.170.2/32 (ECS task metadata', [
    'http://169.254.170.2/v2/credentials',
    'http://2852039170/',
  ]);
  add('AWS IPv6 metadata', 'fd00:ec2::254/128', [
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://[fd00:0ec2:0:0:0:0:0:0254]/',
  ]);
  add('link-local IPv4', '169.254.0.0/16 (link-local)', ['http://169.254.0.1/', 'http://169.254.255.255/']);

  add('private 10/8', '10.0.0.0/8', [
    'http://10.0.0.1/',
    'http://10.1/',
    'http://012.0.0.1/',
    'http://167772161/',
    'http://0x0a000001/',
    'http://10.255.255.255/',
    'http://private.hostile.test/',
    'http://[::ffff:10.0.0.1]/',
    'http://[2002:a00:1::1]/',
    'http://sixto4-private.hostile.test/',
  ]);
  add('private 172.16/12', '172.16.0.0/12', [
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://0xac100001/',
    'http://2886729729/',
    'http://private172.hostile.test/',
    'http://[64:ff9b::ac10:1]/',
  ]);
  add('private 192.168/16', '192.168.0.0/16', [
    'http://192.168.0.1/',
    'http://192.168.1.1/',
    'http://3232235777/',
    'http://0xc0a80101/',
    'http://0300.0250.1.1/',
    'http://private192.hostile.test/',
    'http://[::ffff:c0a8:101]/',
    'http://[2002:c0a8:101::1]/',
  ]);
  add('carrier-grade NAT', '100.64.0.0/10', [
    'http://100.64.0.1/',
    'http://100.127.255.254/',
    'http://cgnat.hostile.test/',
  ]);
  add('Alibaba metadata', '100.100.100.200/32', ['http://100.100.100.200/latest/meta-data/']);
  add('benchmarking', '198.18.0.0/15', [
    'http://198.18.0.1/',
    'http://198.19.255.255/',
    'http://bench.hostile.test/',
  ]);
  add('IETF and documentation', '192.0.0.0/24', ['http://192.0.0.1/', 'http://192.0.0.192/']);
  add('documentation', 'documentation', [
    'http://192.0.2.1/',
    'http://198.51.100.1/',
    'http://203.0.113.1/',
    'http://[2001:db8::1]/',
    'http://[3fff::1]/',
  ]);
  add('multicast IPv4', '224.0.0.0/4 (multicast)', ['http://224.0.0.1/', 'http://239.255.255.250/']);
  add('reserved', '240.0.0.0/4 (reserved', ['http://240.0.0.1/', 'http://254.255.255.255/']);
  add('broadcast', '255.255.255.255/32 (limited broadcast)', [
    'http://255.255.255.255/',
    'http://4294967295/',
    'http://0xffffffff/',
  ]);
  add('6to4 relay', '192.88.99.0/24', ['http://192.88.99.1/']);

  add('unique local', 'fc00::/7 (unique local', [
    'http://[fc00::1]/',
    'http://[fd12:3456:789a::1]/',
    'http://[fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]/',
    'http://ula.hostile.test/',
  ]);
  add('site-local', 'fec0::/10 (site-local', [
    'http://[fec0::1]/',
    'http://[feff::1]/',
    'http://sitelocal.hostile.test/',
  ]);
  add('link-local IPv6', 'fe80::/10 (link-local)', [
    'http://[fe80::1]/',
    'http://[febf:ffff::1]/',
    'http://linklocal6.hostile.test/',
  ]);
  add('multicast IPv6', 'ff00::/8 (multicast)', ['http://[ff02::1]/', 'http://[ff05::1:3]/']);
  add('NAT64', 'NAT64', ['http://[64:ff9b::808:808]/', 'http://[64:ff9b:1::1]/']);
  add('6to4', '2002::/16 (6to4)', ['http://[2002:808:808::1]/']);
  add('Teredo', '2001::/32 (Teredo)', ['http://[2001::1]/', 'http://teredo.hostile.test/']);
  add('IPv4-mapped public', '::ffff:0:0/96 (IPv4-mapped)', ['http://[::ffff:8.8.8.8]/']);
  add('IPv4-compatible', '::/96 (IPv4-compatible', ['http://[::8.8.8.8]/', 'http://[::808:808]/']);
  add('other IPv6 special', '/', [
    'http://[100::1]/',
    'http://[2001:2::1]/',
    'http://[2001:10::1]/',
    'http://[5f00::1]/',
    'http://[4000::1]/',
    'http://[::ffff:0:808:808]/',
  ]);
  add('every answer hostile', 'refused before connecting', ['http://all-bad.hostile.test/']);

  add('schemes', 'is not http or https', [
    'file:///etc/passwd',
    'file://localhost/etc/passwd',
    'data:text/html,<h1>hi</h1>',
    'data:text/plain;base64,aGVsbG8=',
    `gopher://127.0.0.1${p}/_GET%20/`,
    'gopher://169.254.169.254:70/',
    'ftp://public.hostile.test/',
    `ftp://127.0.0.1${p}/`,
    `dict://127.0.0.1${p}/info`,
    'ldap://169.254.169.254/',
    'javascript:alert(1)',
    'ws://public.hostile.test/',
    'wss://public.hostile.test/',
    'blob:https://public.hostile.test/1',
    'jar:http://public.hostile.test!/',
  ]);
  add('ports', 'is not 80 or 443', [
    'http://public.hostile.test:22/',
    'http://public.hostile.test:8080/',
    'https://public.hostile.test:8443/',
    'http://93.184.215.14:25/',
    'http://93.184.215.14:0/',
    'https://93.184.215.14:6379/',
    'http://[2606:4700::1111]:11211/',
  ]);
  add('unparseable', 'is not a valid URL', [
    'http://[fe80::1%25eth0]/',
    'http://[::1%251]/',
    `http://127.0.0.1:99999/`,
    'http://127.0.0.1%00.public.hostile.test/',
    'http://[::ffff:a9fe:a9fe/',
    'http://1.2.3.4.5/',
    'http:///',
  ]);
  return list;
}
