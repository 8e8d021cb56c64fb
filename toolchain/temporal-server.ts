import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT, toolchainPaths } from './paths';
import { TOOLCHAIN_VERSIONS } from './versions';
import { requireProgram, runWithProgress } from './run-with-progress';
import { z } from 'zod';

const DockerizeEnv = z.object({ DOCKERIZE_SOURCE: z.string().min(1).optional() });

export interface TemporalServerBinaries {
  /** `temporal-server` in the temporalio/server image (go.temporal.io/server/cmd/server). */
  temporalServer: string;
  /** `temporal-sql-tool` in the temporalio/admin-tools image (go.temporal.io/server/cmd/tools/sql). */
  temporalSqlTool: string;
  /** `dockerize` in the temporalio/base-server image. */
  dockerize: string;
}

function binaries(): TemporalServerBinaries {
  const dir = toolchainPaths.temporalServerDir;
  return {
    temporalServer: path.join(dir, 'server'),
    temporalSqlTool: path.join(dir, 'sql'),
    dockerize: path.join(dir, 'dockerize'),
  };
}

function allRun(b: TemporalServerBinaries): boolean {
  const ok = (binary: string, args: string[]) =>
    fs.existsSync(binary) && spawnSync(binary, args, { encoding: 'utf8', timeout: 30_000 }).status === 0;
  return (
    ok(b.temporalServer, ['--help']) && ok(b.temporalSqlTool, ['--help']) && ok(b.dockerize, ['--version'])
  );
}

/**
 * The self-hosted Temporal server, its SQL tool and dockerize, built from the Go module proxy at the pinned
 * versions (cold: several minutes on 2 cores; then cached in .toolchain/). Only `npm run rehearse` needs them.
 */
export async function ensureTemporalServer(): Promise<TemporalServerBinaries> {
  const built = binaries();
  if (allRun(built)) return built;
  const { temporalServer, dockerize } = TOOLCHAIN_VERSIONS;
  requireProgram(
    'go',
    `build Temporal server ${temporalServer.version}`,
    'Go 1.24 or newer (https://go.dev/doc/install, or `apt-get install golang`).',
  );
  const source = DockerizeEnv.parse(process.env).DOCKERIZE_SOURCE;
  console.log(
    `Building Temporal server ${temporalServer.version}, temporal-sql-tool and dockerize (${source ? dockerize.version : "Saring's stand-in"}) from the Go module proxy (first run only, 5-15 min)...`,
  );
  fs.mkdirSync(toolchainPaths.temporalServerDir, { recursive: true });
  const env = { GOBIN: toolchainPaths.temporalServerDir, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' };
  const hint = 'check that the Go module proxy is reachable (`go env GOPROXY`) and that Go is 1.24 or newer.';
  await runWithProgress({
    label: 'temporal-server',
    command: 'go',
    args: [
      'install',
      '-x',
      `${temporalServer.module}/cmd/server@${temporalServer.version}`,
      `${temporalServer.module}/cmd/tools/sql@${temporalServer.version}`,
    ],
    env,
    hint,
  });
  // The Go module proxy refuses dockerize ("403 not available"). DOCKERIZE_SOURCE names a git checkout of the
  // real one to build; without it (a fresh clone, CI) we build our own stand-in, toolchain/dockerize-standin/: it
  // renders templates the way the base-server image's dockerize does (text/template, .Env, sprig and dockerize's
  // helpers) and execs the command, which is all the server image's entrypoint asks of it. It is not dockerize
  // (no -wait, -stdout, ...), and its output for the server's config template was diffed against the real one.
  if (source) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dockerize-'));
    await runWithProgress({
      label: 'dockerize-clone',
      command: 'git',
      args: ['clone', '-q', source, work],
      hint,
    });
    await runWithProgress({
      label: 'dockerize-checkout',
      command: 'git',
      args: ['-C', work, 'checkout', '-q', dockerize.version],
      hint,
    });
    await runWithProgress({
      label: 'dockerize',
      command: 'go',
      args: ['build', '-o', built.dockerize, '.'],
      cwd: work,
      env: { GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
      hint,
    });
    fs.rmSync(work, { recursive: true, force: true });
  } else {
    await runWithProgress({
      label: 'dockerize',
      command: 'go',
      args: ['build', '-o', built.dockerize, '.'],
      cwd: path.join(REPO_ROOT, 'toolchain', 'dockerize-standin'),
      env: { GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
      hint: `${hint} Or set DOCKERIZE_SOURCE to a git checkout of ${dockerize.module} to build the real one.`,
    });
  }
  if (!allRun(built)) {
    throw new Error(
      `The Temporal server tools were built but do not all run. Remove ${toolchainPaths.temporalServerDir} and retry.`,
    );
  }
  return built;
}

/** Where the pinned server module's files (schema, docker config template) are, once Go has downloaded it. */
export function temporalServerModuleDir(): string {
  const { module, version } = TOOLCHAIN_VERSIONS.temporalServer;
  const result = spawnSync('go', ['mod', 'download', '-json', `${module}@${version}`], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `go mod download ${module}@${version} failed: ${result.stderr || result.stdout}. Check the Go module proxy.`,
    );
  }
  const dir = (JSON.parse(result.stdout) as { Dir?: string }).Dir;
  if (!dir) throw new Error(`go mod download named no directory for ${module}@${version}.`);
  return dir;
}
