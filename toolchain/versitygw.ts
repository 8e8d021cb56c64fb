import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { toolchainPaths } from './paths';
import { TOOLCHAIN_VERSIONS } from './versions';
import { requireProgram, runWithProgress } from './run-with-progress';
import type { ToolchainManifest } from './manifest';

function runs(binary: string): boolean {
  return spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 20_000 }).status === 0;
}

/** versitygw: the S3-compatible gateway (POSIX backend, versioning, Object Lock), built from the Go proxy. */
export async function ensureVersitygw(): Promise<ToolchainManifest['versitygw']> {
  const { module, version } = TOOLCHAIN_VERSIONS.versitygw;
  const binary = path.join(toolchainPaths.versitygwDir, 'versitygw');
  if (fs.existsSync(binary) && runs(binary)) return { path: binary };

  requireProgram(
    'go',
    `build the S3 server versitygw ${version}`,
    'Go 1.24 or newer (https://go.dev/doc/install, or `apt-get install golang`).',
  );
  console.log(
    `Building versitygw ${version} (S3-compatible server) from the Go module proxy (first run only, ~2 min)...`,
  );
  fs.mkdirSync(toolchainPaths.versitygwDir, { recursive: true });
  await runWithProgress({
    label: 'versitygw',
    command: 'go',
    args: ['install', '-x', `${module}@${version}`],
    env: { GOBIN: toolchainPaths.versitygwDir, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
    hint: 'check that the Go module proxy is reachable (`go env GOPROXY`) and that Go is 1.24 or newer.',
  });
  if (!runs(binary))
    throw new Error(
      `versitygw was built but ${binary} does not run. Remove ${toolchainPaths.versitygwDir} and retry.`,
    );
  return { path: binary };
}
