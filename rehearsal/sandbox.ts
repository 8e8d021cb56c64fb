import fs from 'node:fs';
import path from 'node:path';
import { startManagedProcess, type ManagedProcess } from '../local/managed-process';
import { REPO_ROOT } from '../toolchain/paths';

/**
 * One container as ECS Fargate (awsvpc) would run it, on this machine: its own mount and UTS namespaces
 * (`unshare`, root only), its own loopback address standing in for the task's ENI, a hostname that resolves to
 * that address, a private /etc (overlay) holding the image's /etc/temporal files and an /etc/hosts that plays
 * Cloud Map and RDS DNS, a fresh /tmp, the image's binaries first on PATH, and exactly the environment ECS would
 * hand it (task definition environment + secrets + the image's own ENV). Runs as the task definition's user.
 */
export interface SandboxSpec {
  readonly name: string;
  /** The task's own address (127.x.y.z). */
  readonly ip: string;
  /** Host name → address, the DNS the task sees (Cloud Map, the RDS endpoint). */
  readonly hosts: Readonly<Record<string, string>>;
  /** Directory copied over the image's /etc/temporal (server config template, schema files). */
  readonly etcTemporal?: string;
  /** Directory with the image's binaries (symlinks to the local builds). */
  readonly binDir: string;
  /** Host directory standing in for the image's WORKDIR when it is not under /etc/temporal. */
  readonly workingDirectory: string;
  readonly processLine: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  /** "uid:gid" from the task definition. */
  readonly user?: string;
  readonly runDir: string;
  readonly logFile: string;
}

const LAUNCHER = `#!/bin/sh
# $1 task dir, $2 hostname, $3 uid, $4 gid, $5 working dir, $6 folders to keep visible (colon-separated: the
# checkout and its toolchain); the rest is the process line.
set -eu
task="$1"; host="$2"; uid="$3"; gid="$4"; workdir="$5"; keep="$6"; shift 6
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$task/etc-upper,workdir=$task/etc-work" /etc
cp "$task/hosts" /etc/hosts
echo "$host" > /etc/hostname
if [ -d "$task/etc-temporal" ]; then
  mkdir -p /etc/temporal
  cp -R "$task/etc-temporal/." /etc/temporal/
  chown -R "$uid:$gid" /etc/temporal
fi
hostname "$host"
# A fresh /tmp, as in a container. A checkout that itself lives under /tmp (a CI clone) would vanish under it,
# so such folders are held aside and bound back on top.
held=""
old_ifs="$IFS"; IFS=:
for dir in $keep; do
  case "$dir" in
    /tmp/*)
      hold="/run/saring-rehearsal-hold-$$-$(echo "$dir" | md5sum | cut -c1-8)"
      mkdir -p "$hold"; mount --bind "$dir" "$hold"; held="$held $hold=$dir" ;;
  esac
done
IFS="$old_ifs"
mount -t tmpfs -o mode=1777 tmpfs /tmp
for pair in $held; do
  mkdir -p "\${pair#*=}"; mount --bind "\${pair%%=*}" "\${pair#*=}"
done
cd "$workdir"
exec setpriv --reuid="$uid" --regid="$gid" --clear-groups "$@"
`;

export function startSandboxed(spec: SandboxSpec): ManagedProcess {
  const taskDir = path.join(spec.runDir, spec.name);
  fs.rmSync(taskDir, { recursive: true, force: true });
  for (const dir of ['etc-upper', 'etc-work']) fs.mkdirSync(path.join(taskDir, dir), { recursive: true });
  const hostname = `ip-${spec.ip.replaceAll('.', '-')}`;
  const hosts = [
    '127.0.0.1 localhost',
    `${spec.ip} ${hostname}`,
    ...Object.entries(spec.hosts).map(([name, ip]) => `${ip} ${name}`),
  ];
  fs.writeFileSync(path.join(taskDir, 'hosts'), hosts.join('\n') + '\n');
  if (spec.etcTemporal) fs.cpSync(spec.etcTemporal, path.join(taskDir, 'etc-temporal'), { recursive: true });
  const launcher = path.join(taskDir, 'launch.sh');
  fs.writeFileSync(launcher, LAUNCHER, { mode: 0o755 });
  const [uid, gid] = (spec.user ?? '0:0').split(':');
  return startManagedProcess({
    name: spec.name,
    command: 'unshare',
    args: [
      '--mount',
      '--uts',
      '--propagation',
      'private',
      launcher,
      taskDir,
      hostname,
      uid ?? '0',
      gid ?? uid ?? '0',
      spec.workingDirectory,
      keptFolders().join(':'),
      ...spec.processLine,
    ],
    // Nothing of this shell's environment leaks in: only what ECS and the image would set.
    env: sealedEnvironment(spec),
    logFile: spec.logFile,
  });
}

function sealedEnvironment(spec: SandboxSpec): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // startManagedProcess merges process.env in; blank every inherited name first.
  for (const name of Object.keys(process.env)) env[name] = undefined;
  return {
    ...env,
    PATH: `${spec.binDir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    HOME: '/tmp',
    ...spec.environment,
  };
}

/** The checkout and the (possibly symlinked) toolchain: the tasks run binaries and read files from both. */
function keptFolders(): string[] {
  const toolchain = path.join(REPO_ROOT, '.toolchain');
  const real = fs.existsSync(toolchain) ? fs.realpathSync(toolchain) : toolchain;
  return [...new Set([fs.realpathSync(REPO_ROOT), real])];
}
