import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { requireProgram, runWithProgress } from './run-with-progress';

export interface GoBinary {
  /** Shown in progress lines and errors, e.g. "versitygw". */
  readonly label: string;
  /** What the binary is for, shown while it builds, e.g. "S3-compatible server". */
  readonly purpose: string;
  readonly module: string;
  readonly version: string;
  /** Folder the binary is installed into (GOBIN); one per pinned version. */
  readonly dir: string;
  readonly binaryName: string;
  /** Arguments that make the binary print its version and exit 0: proves a cached build still runs. */
  readonly versionArgs: readonly string[];
}

function runs(binary: string, versionArgs: readonly string[]): boolean {
  return spawnSync(binary, versionArgs, { encoding: 'utf8', timeout: 20_000 }).status === 0;
}

/** A pinned Go command built from the Go module proxy into its own folder, reused while it still runs. */
export async function ensureGoBinary(spec: GoBinary): Promise<{ path: string }> {
  const binary = path.join(spec.dir, spec.binaryName);
  if (fs.existsSync(binary) && runs(binary, spec.versionArgs)) return { path: binary };

  requireProgram(
    'go',
    `build ${spec.label} ${spec.version}`,
    'Go 1.24 or newer (https://go.dev/doc/install, or `apt-get install golang`).',
  );
  console.log(
    `Building ${spec.label} ${spec.version} (${spec.purpose}) from the Go module proxy (first run only)...`,
  );
  fs.mkdirSync(spec.dir, { recursive: true });
  await runWithProgress({
    label: spec.label,
    command: 'go',
    args: ['install', '-x', `${spec.module}@${spec.version}`],
    env: { GOBIN: spec.dir, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
    hint: 'check that the Go module proxy is reachable (`go env GOPROXY`) and that Go is 1.24 or newer.',
  });
  if (!runs(binary, spec.versionArgs))
    throw new Error(`${spec.label} was built but ${binary} does not run. Remove ${spec.dir} and retry.`);
  return { path: binary };
}
