import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../lib/ports';
import type { ManagedProcess } from '../managed-process';
import { startNodeService } from '../node-service';
import { writeOidcUsers, type OidcUser } from './oidc-users';

export interface OidcProviderProcess {
  issuer: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Runs local/oidc/main.ts as a child process on 127.0.0.1. Writes `users` to DIR/users.json first
 * when given; otherwise DIR/users.json must exist.
 */
export async function startOidcProviderProcess(options: {
  dataDir: string;
  logFile: string;
  port?: number;
  users?: OidcUser[];
  accessTokenTtlSeconds?: number;
  consoleOrigins: string[];
}): Promise<OidcProviderProcess> {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  if (options.users) writeOidcUsers(path.join(options.dataDir, 'users.json'), options.users);
  const port = options.port ?? (await freePort());
  const child = await startNodeService({
    name: 'oidc',
    entry: 'local/oidc/main.ts',
    args: [
      `--data-dir=${options.dataDir}`,
      `--port=${port}`,
      `--console-origins=${options.consoleOrigins.join(',')}`,
      ...(options.accessTokenTtlSeconds ? [`--access-token-ttl=${options.accessTokenTtlSeconds}`] : []),
    ],
    logFile: options.logFile,
    readyLine: /oidc provider listening on/,
  });
  return { issuer: `http://127.0.0.1:${port}`, process: child, stop: () => child.stop() };
}
