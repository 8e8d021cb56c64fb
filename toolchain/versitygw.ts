import { ensureGoBinary } from './go-install';
import { toolchainPaths } from './paths';
import { TOOLCHAIN_VERSIONS } from './versions';
import type { ToolchainManifest } from './manifest';

/** versitygw: the S3-compatible gateway (POSIX backend, versioning, Object Lock), built from the Go proxy. */
export function ensureVersitygw(): Promise<ToolchainManifest['versitygw']> {
  return ensureGoBinary({
    label: 'versitygw',
    purpose: 'S3-compatible server, ~2 min',
    ...TOOLCHAIN_VERSIONS.versitygw,
    dir: toolchainPaths.versitygwDir,
    binaryName: 'versitygw',
    versionArgs: ['--version'],
  });
}
