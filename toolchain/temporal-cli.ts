import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import { toolchainPaths } from './paths';
import { TOOLCHAIN_VERSIONS } from './versions';
import { requireProgram, runWithProgress, which } from './run-with-progress';
import type { ToolchainManifest } from './manifest';

const EnvSchema = z.object({ TEMPORAL_CLI: z.string().min(1).optional() });

function answersVersion(binary: string): boolean {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return result.status === 0 && /temporal version/i.test(result.stdout);
}

/**
 * The Temporal CLI (dev server). Order: $TEMPORAL_CLI, a `temporal` on PATH, the cached build, and
 * finally a build from the Go module proxy with `go install` (about 4 minutes cold on 2 cores).
 */
export async function ensureTemporalCli(): Promise<ToolchainManifest['temporalCli']> {
  const env = EnvSchema.parse(process.env);
  if (env.TEMPORAL_CLI) {
    if (!answersVersion(env.TEMPORAL_CLI)) {
      throw new Error(
        `TEMPORAL_CLI=${env.TEMPORAL_CLI} does not run \`temporal --version\`. Fix the path or unset it.`,
      );
    }
    return { path: env.TEMPORAL_CLI, origin: 'env' };
  }
  const onPath = which('temporal');
  if (onPath && answersVersion(onPath)) return { path: onPath, origin: 'path' };

  const { module, version } = TOOLCHAIN_VERSIONS.temporalCli;
  const binary = path.join(toolchainPaths.temporalCliDir, 'temporal');
  if (fs.existsSync(binary) && answersVersion(binary)) return { path: binary, origin: 'built' };

  requireProgram(
    'go',
    `build the Temporal CLI ${version}`,
    'Go 1.24 or newer (https://go.dev/doc/install, or `apt-get install golang`), or set TEMPORAL_CLI to an existing `temporal` binary.',
  );
  console.log(`Building the Temporal CLI ${version} from the Go module proxy (first run only, ~4 min)...`);
  fs.mkdirSync(toolchainPaths.temporalCliDir, { recursive: true });
  await runWithProgress({
    label: 'temporal-cli',
    command: 'go',
    args: ['install', '-x', `${module}@${version}`],
    env: { GOBIN: toolchainPaths.temporalCliDir, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
    hint: 'check that the Go module proxy is reachable (`go env GOPROXY`), or set TEMPORAL_CLI to an existing binary.',
  });
  if (!answersVersion(binary))
    throw new Error(
      `The Temporal CLI was built but ${binary} does not run. Remove ${toolchainPaths.temporalCliDir} and retry.`,
    );
  return { path: binary, origin: 'built' };
}
