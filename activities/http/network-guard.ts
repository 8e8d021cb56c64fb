import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import {
  ALLOWED_PORTS,
  ALLOWED_SCHEMES,
  EgressRefusedError,
  checkTarget,
  type EgressPolicy,
} from './egress-policy';

/** Names to addresses. Production: the OS resolver; tests: a resolver pointed at their own DNS server. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

/** Told of every address the guard releases for a connection: tests count these to prove nothing else was tried. */
export type ConnectProbe = (target: { host: string; address: string; port: number }) => void;

export interface GuardContext {
  policy: EgressPolicy;
  resolve?: ResolveHost;
  onConnect?: ConnectProbe;
}

export const osResolve: ResolveHost = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/**
 * The checks one hop gets before any connection: a URL the WHATWG parser accepts (which turns every
 * textual IPv4 form — decimal, octal, hex, short, percent-encoded, full-width — into dotted quads and
 * compresses IPv6), http or https, and for a literal IP host the address and port rules. A host name
 * is checked later, at connect time, by guardedLookup. Returns the parsed URL and its port.
 */
export function checkHop(raw: string | URL, context: GuardContext): { url: URL; port: number } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new EgressRefusedError(
      'invalid_url',
      `${String(raw).slice(0, 200)} is not a valid URL (zone ids, bad ports and bad hosts are refused); give an http(s) URL`,
    );
  }
  if (!ALLOWED_SCHEMES.includes(url.protocol)) {
    throw new EgressRefusedError(
      'scheme',
      `scheme ${url.protocol} of ${url.href.slice(0, 200)} is not http or https`,
    );
  }
  const port = portOf(url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const given = String(raw);
    checkTarget(
      host,
      port,
      context.policy,
      given === url.href ? url.host : `${url.host}, parsed from ${given.slice(0, 200)}`,
    );
    context.onConnect?.({ host: url.hostname, address: host, port });
  } else if (!context.policy.allowPrivateNetwork) {
    if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/.test(host)) {
      throw new EgressRefusedError(
        'invalid_url',
        `host ${host.slice(0, 100)} is neither an IP address nor a DNS name`,
      );
    }
    // A port no address could be allowed on is refused before resolving; the rest is decided at connect time.
    if (
      !ALLOWED_PORTS.includes(port) &&
      !context.policy.allowTargets?.some((target) => target.port === port)
    ) {
      throw new EgressRefusedError(
        'port',
        `port ${port} of ${url.host} is not 80 or 443; only web ports are fetched`,
      );
    }
  }
  return { url, port };
}

/**
 * A `lookup` for net.connect that resolves once, checks every answer against the policy and hands the
 * socket only the addresses that passed, so the connection goes to an address that was checked: a DNS
 * answer that changes afterwards (rebinding) changes nothing. When no answer passes, the connect fails
 * with the reason of the first refused one.
 */
export function guardedLookup(port: number, context: GuardContext): LookupFunction {
  const resolve = context.resolve ?? osResolve;
  return (hostname, options, callback) => {
    const checked = async (): Promise<string[]> => {
      const host = hostname.replace(/^\[|\]$/g, '');
      let addresses: string[];
      if (isIP(host)) addresses = [host];
      else {
        try {
          addresses = await resolve(host);
        } catch (error) {
          throw new EgressRefusedError(
            'dns',
            `${host} did not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
          );
        }
      }
      const refusals: EgressRefusedError[] = [];
      const allowed = addresses.filter((address) => {
        try {
          checkTarget(address, port, context.policy, `${host} -> ${address}`);
          return true;
        } catch (error) {
          refusals.push(error as EgressRefusedError);
          return false;
        }
      });
      const family = typeof options === 'object' ? options.family : undefined;
      const usable =
        family === 4 || family === 6 ? allowed.filter((address) => isIP(address) === family) : allowed;
      if (usable.length === 0)
        throw refusals[0] ?? new EgressRefusedError('dns', `${host} has no address of the family asked for`);
      for (const address of usable) context.onConnect?.({ host, address, port });
      return usable;
    };
    checked().then(
      (addresses) => {
        if (typeof options === 'object' && options.all)
          callback(
            null,
            addresses.map((address) => ({ address, family: isIP(address) })),
          );
        else callback(null, addresses[0] ?? '', isIP(addresses[0] ?? ''));
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}
