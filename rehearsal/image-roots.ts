import fs from 'node:fs';
import path from 'node:path';
import { type TemporalServerBinaries } from '../toolchain/temporal-server';
import { IMAGE_DIR } from './images';

export interface ImageRoot {
  /** Copied over the image's /etc/temporal in the task's private /etc. */
  readonly etcTemporal?: string;
  /** The image's /usr/local/bin: links to the local builds of the same software. */
  readonly binDir: string;
}

const TINI_STAND_IN = `#!/bin/sh
# Stand-in for tini (the admin-tools image's init): runs what follows "--", as tini does.
[ "\${1:-}" = "--" ] && shift
exec "$@"
`;

/**
 * Lays out the two Temporal images' files from their sources: the server image's entrypoint scripts (verbatim
 * from temporalio/docker-builds), config template and dynamic config (from the server module, as the image copies
 * them), and the admin-tools image's schema directory; each image's binaries as links to the local builds.
 */
export function layOutImages(
  dir: string,
  tools: TemporalServerBinaries & { temporalCli: string; moduleDir: string },
): { server: ImageRoot; adminTools: ImageRoot } {
  const server = path.join(dir, 'temporalio-server');
  const serverEtc = path.join(server, 'etc-temporal');
  fs.mkdirSync(path.join(serverEtc, 'config', 'dynamicconfig'), { recursive: true });
  for (const script of ['entrypoint.sh', 'start-temporal.sh']) {
    fs.copyFileSync(path.join(IMAGE_DIR, 'temporalio-server', script), path.join(serverEtc, script));
    fs.chmodSync(path.join(serverEtc, script), 0o755);
  }
  fs.copyFileSync(
    path.join(tools.moduleDir, 'docker', 'config_template.yaml'),
    path.join(serverEtc, 'config', 'config_template.yaml'),
  );
  fs.copyFileSync(
    path.join(tools.moduleDir, 'config', 'dynamicconfig', 'docker.yaml'),
    path.join(serverEtc, 'config', 'dynamicconfig', 'docker.yaml'),
  );
  const serverBin = linkBinaries(path.join(server, 'bin'), {
    'temporal-server': tools.temporalServer,
    temporal: tools.temporalCli,
    dockerize: tools.dockerize,
  });

  const admin = path.join(dir, 'temporalio-admin-tools');
  const adminEtc = path.join(admin, 'etc-temporal');
  fs.mkdirSync(adminEtc, { recursive: true });
  fs.cpSync(path.join(tools.moduleDir, 'schema'), path.join(adminEtc, 'schema'), { recursive: true });
  const adminBin = linkBinaries(path.join(admin, 'bin'), {
    'temporal-sql-tool': tools.temporalSqlTool,
    temporal: tools.temporalCli,
  });
  fs.writeFileSync(path.join(adminBin, 'tini'), TINI_STAND_IN, { mode: 0o755 });
  // Module files are read-only in the Go cache; the copies must be writable for cleanup.
  for (const root of [serverEtc, adminEtc]) makeWritable(root);
  return {
    server: { etcTemporal: serverEtc, binDir: serverBin },
    adminTools: { etcTemporal: adminEtc, binDir: adminBin },
  };
}

function linkBinaries(dir: string, links: Record<string, string>): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, target] of Object.entries(links)) fs.symlinkSync(target, path.join(dir, name));
  return dir;
}

function makeWritable(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    fs.chmodSync(full, entry.isDirectory() ? 0o755 : fs.statSync(full).mode & 0o111 ? 0o755 : 0o644);
  }
}
