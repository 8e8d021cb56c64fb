import { isIP } from 'node:net';
import { ipv6Bytes } from '../lib/net/ipv6-bytes';

/**
 * The client's address as the rate limit keys it. Each proxy in front of the API appends the address it
 * received the request from to X-Forwarded-For, so with `trustedProxies` hops (the ALB is one) the client
 * is the entry that many places from the right of [...X-Forwarded-For, socket address]. Entries further
 * left were written by the client and are ignored: anyone can send them. With no trusted proxy (local
 * mode) the header is ignored and the socket address is the client.
 *
 * IPv6 clients are keyed by their /64: one subscriber holds a whole /64, so one address per request
 * would otherwise escape any limit.
 */
export function clientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trustedProxies: number,
): string {
  const forwarded = [forwardedFor ?? []]
    .flat()
    .flatMap((header) => header.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? 'unknown'];
  const index = Math.max(0, chain.length - 1 - trustedProxies);
  const candidate = stripPort(chain[index]!);
  // A trusted proxy never writes garbage; if one did, the nearest hop we saw ourselves is the key.
  if (isIP(candidate) === 0) return rateKey(socketAddress ?? 'unknown');
  return rateKey(candidate);
}

function stripPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4WithPort ? v4WithPort[1]! : entry;
}

function rateKey(address: string): string {
  const bytes = ipv6Bytes(address);
  if (!bytes) return address;
  const isMappedV4 =
    bytes.subarray(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (isMappedV4) return bytes.subarray(12).join('.');
  const groups = [0, 2, 4, 6].map((offset) => ((bytes[offset]! << 8) | bytes[offset + 1]!).toString(16));
  return `${groups.join(':')}::/64`;
}
