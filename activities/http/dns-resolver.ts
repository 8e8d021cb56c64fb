import { Resolver } from 'node:dns/promises';
import type { FetchPolicy } from '../../config/activities';
import type { EgressPolicy } from './egress-policy';
import { osResolve, type ResolveHost } from './network-guard';

const NO_ANSWER = new Set(['ENODATA', 'ENOTFOUND']);

/** Resolves A and AAAA records at the given DNS servers ('127.0.0.1:5353'), bypassing the OS resolver. */
export function resolverAt(servers: readonly string[]): ResolveHost {
  const resolver = new Resolver({ timeout: 2_000, tries: 2 });
  resolver.setServers([...servers]);
  return async (hostname) => {
    const answers = await Promise.all([
      resolver
        .resolve4(hostname)
        .catch((error: NodeJS.ErrnoException) =>
          NO_ANSWER.has(error.code ?? '') ? [] : Promise.reject(error),
        ),
      resolver
        .resolve6(hostname)
        .catch((error: NodeJS.ErrnoException) =>
          NO_ANSWER.has(error.code ?? '') ? [] : Promise.reject(error),
        ),
    ]);
    const addresses = answers.flat();
    if (addresses.length === 0)
      throw Object.assign(new Error(`no A or AAAA record for ${hostname}`), { code: 'ENOTFOUND' });
    return addresses;
  };
}

/** The egress policy and resolver the fetch config describes. */
export function egressOf(fetch: FetchPolicy): { policy: EgressPolicy; resolve: ResolveHost } {
  return {
    policy: { allowPrivateNetwork: fetch.allowPrivateNetwork, allowTargets: fetch.allowTargets },
    resolve: fetch.dnsServers ? resolverAt(fetch.dnsServers) : osResolve,
  };
}
