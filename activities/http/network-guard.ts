import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';
}

/**
 * Addresses a worker must not be made to fetch from a reported URL: loopback, private networks,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and the like.
 */
function isInternal(address: string): boolean {
  if (isIP(address) === 6) {
    const lower = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped?.[1]) return isInternal(mapped[1]);
    return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff');
  }
  const [a = 0, b = 0] = address.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

/**
 * Refuses URLs whose host is or resolves to an internal address. Checked before each request and each
 * redirect hop. (A DNS answer that changes between this check and the connection is not caught; the
 * worker's network policy is the second line.)
 */
export async function assertPublicHost(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  const internal = addresses.find(isInternal);
  if (internal) throw new BlockedAddressError(`${url.hostname} resolves to an internal address (${internal}); not fetched`);
}
