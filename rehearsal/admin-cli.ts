import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Estate } from './estate';
import { secretEnvironment } from './secrets';

/** Runs the temporal CLI against the rehearsed frontend and returns its standard output. */
export type AdminCli = (args: readonly string[]) => string;

/**
 * The temporal CLI as an engineer with the admin certificate would run it (the namespace task's client
 * credential, mTLS to the frontend): the rehearsal's checks and probes read the cluster through it.
 */
export function adminCli(input: {
  estate: Estate;
  /** host:port of the rehearsed frontend (frontendAddress). */
  frontendAddress: string;
  standIns: ReadonlyMap<string, Record<string, string>>;
  runDir: string;
  temporalCli: string;
}): AdminCli {
  const admin = adminTask(input.estate);
  const env = secretEnvironment(admin, input.standIns);
  const pki = path.join(input.runDir, 'pki', 'admin-check');
  fs.mkdirSync(pki, { recursive: true });
  const file = (name: string, value: string | undefined) => {
    fs.writeFileSync(path.join(pki, name), value ?? '', { mode: 0o600 });
    return path.join(pki, name);
  };
  const connection = [
    '--address',
    input.frontendAddress,
    '--tls-server-name',
    admin.environment.TEMPORAL_TLS_SERVER_NAME!,
    '--tls-ca-path',
    file('ca.pem', env.TEMPORAL_TLS_CA_DATA),
    '--tls-cert-path',
    file('cert.pem', env.TEMPORAL_TLS_CERT_DATA),
    '--tls-key-path',
    file('key.pem', env.TEMPORAL_TLS_KEY_DATA),
  ];
  return (args) =>
    execFileSync(input.temporalCli, [...args, ...connection], {
      encoding: 'utf8',
      timeout: 30_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { PATH: process.env.PATH, HOME: input.runDir },
    });
}

/** The task whose client credential is the admin's: the namespace task, or the schema task without one. */
function adminTask(estate: Estate) {
  return estate.namespaceTasks[0] ?? estate.schemaTask;
}

/** The namespace the deploy-time task registers (and every Saring task uses). */
export function rehearsedNamespace(estate: Estate): string {
  return adminTask(estate).environment.TEMPORAL_NAMESPACE!;
}

/** host:port of the frontend role, given the address each server role runs on. */
export function frontendAddress(estate: Estate, serverIps: Readonly<Record<string, string>>): string {
  const frontend = estate.servers.find((server) => server.name === 'frontend');
  if (!frontend) throw new Error('the Temporal stack defines no frontend service');
  return `${serverIps[frontend.name]}:${frontend.ports[0]}`;
}
