import { isIP } from 'node:net';
import { blockedRangeOf, describeVerdict } from '../../lib/net/blocked-ranges';

/** Where fetches of reported URLs may go. Production: public unicast addresses, ports 80 and 443, http(s) only. */
export interface EgressPolicy {
  /** Local demo only: any address and any port (the scheme rule still holds). Never set in the cloud. */
  allowPrivateNetwork: boolean;
  /** Exact address + port pairs let through despite the rules: a test's own server on 127.0.0.1. */
  allowTargets?: readonly { address: string; port: number }[];
}

export const PRODUCTION_EGRESS: EgressPolicy = { allowPrivateNetwork: false, allowTargets: [] };
export const ALLOWED_SCHEMES: readonly string[] = ['http:', 'https:'];
export const ALLOWED_PORTS: readonly number[] = [80, 443];

export type RefusalKind = 'invalid_url' | 'scheme' | 'address' | 'port' | 'dns' | 'redirects';

/**
 * A fetch the policy refused. Every refusal happens before a connection to the target is opened, and
 * the message says so, names the rule (the range, the scheme, the port) and what the caller can do.
 */
export class EgressRefusedError extends Error {
  override readonly name = 'EgressRefusedError';
  constructor(
    readonly kind: RefusalKind,
    readonly detail: string,
  ) {
    super(`refused before connecting: ${detail}`);
  }
}

function sameAddress(a: string, b: string): boolean {
  return a.replace(/^\[|\]$/g, '').toLowerCase() === b.replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * The connect-time rule for one resolved (or literal) address and port: the address first (so the
 * refusal names its range), then the port. Throws EgressRefusedError; returns when a connection may be opened.
 */
export function checkTarget(address: string, port: number, policy: EgressPolicy, shownAs = address): void {
  if (policy.allowTargets?.some((target) => target.port === port && sameAddress(target.address, address)))
    return;
  if (policy.allowPrivateNetwork) return;
  if (!isIP(address.replace(/^\[|\]$/g, '')))
    throw new EgressRefusedError('address', `${shownAs} is not an IP address`);
  const verdict = blockedRangeOf(address);
  if (verdict) {
    const via = shownAs === address ? '' : ` (${shownAs})`;
    throw new EgressRefusedError(
      'address',
      `${describeVerdict(verdict)}${via}; reported URLs may only reach public addresses`,
    );
  }
  if (!ALLOWED_PORTS.includes(port))
    throw new EgressRefusedError(
      'port',
      `port ${port} of ${shownAs} is not 80 or 443; only web ports are fetched`,
    );
}
