import { runtimeEnvOverrides } from '../../../config/runtime-env-overrides';
import { TemporalConfig } from '../../../config/temporal';

/**
 * The cluster the bare worker joins, read from the variables Saring's worker task gets, through the same
 * environment contract (so on the rehearsed estate it connects as Saring's worker does). The address comes
 * from the caller; payloads are not encrypted. Nothing set: the dev server's default namespace, no TLS.
 */
const BareClusterConfig = TemporalConfig.omit({ address: true, payloadKeys: true });
export type BareCluster = ReturnType<typeof BareClusterConfig.parse>;

export function bareCluster(env: Readonly<Record<string, string | undefined>>): BareCluster {
  return BareClusterConfig.parse(runtimeEnvOverrides(env).temporal);
}
