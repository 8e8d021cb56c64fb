import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { awaitReady, startManagedProcess, type ManagedProcess } from '../local/managed-process';
import { waitForPort } from '../lib/ports';

export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

export interface PostgresOptions {
  readonly dataDir: string;
  readonly ip: string;
  readonly port: number;
  /** The master user and password of the RDS-generated secret. */
  readonly masterUser: string;
  readonly masterPassword: string;
  /** Runs as this uid:gid (initdb refuses root). */
  readonly user: string;
  readonly logFile: string;
}

/**
 * Aurora PostgreSQL stood in by Debian's PostgreSQL 15 in a temporary data directory: the cluster's master user,
 * TLS required for every TCP connection (the parameter group's rds.force_ssl=1), listening on the writer's
 * address and the cluster's port.
 */
export async function startPostgres(options: PostgresOptions): Promise<ManagedProcess> {
  if (!fs.existsSync(path.join(POSTGRES_BIN, 'initdb'))) {
    throw new Error(`No PostgreSQL 15 at ${POSTGRES_BIN}: apt-get install postgresql-15.`);
  }
  const [uid, gid] = options.user.split(':').map(Number) as [number, number];
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true, mode: 0o755 });
  fs.mkdirSync(options.dataDir, { mode: 0o700 });
  const passwordFile = path.join(path.dirname(options.dataDir), 'pg-password');
  fs.writeFileSync(passwordFile, options.masterPassword, { mode: 0o600 });
  for (const target of [options.dataDir, passwordFile]) fs.chownSync(target, uid, gid);
  const asUser = (command: string, args: string[]) =>
    execFileSync('setpriv', [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', command, ...args], {
      stdio: 'pipe',
      env: { PATH: process.env.PATH, LANG: 'C.UTF-8' },
    });
  asUser(path.join(POSTGRES_BIN, 'initdb'), [
    '-D',
    options.dataDir,
    '-U',
    options.masterUser,
    '--pwfile',
    passwordFile,
    '--auth-host=scram-sha-256',
    '--auth-local=trust',
  ]);
  const key = path.join(options.dataDir, 'server.key');
  const cert = path.join(options.dataDir, 'server.crt');
  asUser('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=rehearsal-aurora',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  fs.writeFileSync(
    path.join(options.dataDir, 'pg_hba.conf'),
    [
      'local all all trust',
      'hostssl all all 0.0.0.0/0 scram-sha-256',
      // rds.force_ssl=1: a connection without TLS is refused.
      'hostnossl all all 0.0.0.0/0 reject',
    ].join('\n') + '\n',
  );
  return startPostgresProcess(options, uid, gid);
}

async function startPostgresProcess(
  options: PostgresOptions,
  uid: number,
  gid: number,
): Promise<ManagedProcess> {
  const child = startManagedProcess({
    name: 'postgres',
    command: 'setpriv',
    args: [
      `--reuid=${uid}`,
      `--regid=${gid}`,
      '--clear-groups',
      path.join(POSTGRES_BIN, 'postgres'),
      '-D',
      options.dataDir,
      '-c',
      `listen_addresses=${options.ip}`,
      '-c',
      `port=${options.port}`,
      '-c',
      `unix_socket_directories=${options.dataDir}`,
      '-c',
      'ssl=on',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=off',
    ],
    env: { LANG: 'C.UTF-8' },
    logFile: options.logFile,
  });
  await awaitReady(child, waitForPort(options.port, 60_000, options.ip), 'PostgreSQL did not open its port.');
  return child;
}
