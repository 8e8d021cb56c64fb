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
  frontendIp: string;
  standIns: ReadonlyMap<string, Record<string, string>>;
  runDir: string;
  temporalCli: string;
}): AdminCli {
  const { estate } = input;
  const admin = estate.namespaceTasks[0] ?? estate.schemaTask;
  const env = secretEnvironment(admin, input.standIns);
  const pki = path.join(input.runDir, 'pki', 'admin-check');
  fs.mkdirSync(pki, { recursive: true });
  const file = (name: string, value: string | undefined) => {
    fs.writeFileSync(path.join(pki, name), value ?? '', { mode: 0o600 });
    return path.join(pki, name);
  };
  const frontendPort = estate.servers.find((s) => s.name === 'frontend')!.ports[0]!;
  const connection = [
    '--address',
    `${input.frontendIp}:${frontendPort}`,
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

/** The namespace the deploy-time task registers (and every Saring task uses). */
export function rehearsedNamespace(estate: Estate): string {
  const admin = estate.namespaceTasks[0] ?? estate.schemaTask;
  return admin.environment.TEMPORAL_NAMESPACE!;
}
