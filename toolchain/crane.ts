import { ensureGoBinary } from './go-install';
import { toolchainPaths } from './paths';
import { TOOLCHAIN_VERSIONS } from './versions';

/**
 * crane (go-containerregistry): asks a registry what a tag points to, for `npm run images:resolve`. Built on
 * first use only, like the rehearsal's Temporal server: nothing else needs it.
 */
export function ensureCrane(): Promise<{ path: string }> {
  return ensureGoBinary({
    label: 'crane',
    purpose: 'registry client, ~30 s',
    ...TOOLCHAIN_VERSIONS.crane,
    dir: toolchainPaths.craneDir,
    binaryName: 'crane',
    versionArgs: ['version'],
  });
}
