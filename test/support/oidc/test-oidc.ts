import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OidcAuthConfig } from '../../../api/auth-config';
import { machineClientToken } from '../../../local/oidc/machine-token';
import { LOCAL_OIDC_CLIENTS } from '../../../local/oidc/oidc-clients';
import type { OidcUser } from '../../../local/oidc/oidc-users';
import { startOidcProviderProcess } from '../../../local/oidc/start-oidc-provider';
import { signInWithPassword, type TokenResponse } from './sign-in-by-form';

/** The redirect the CLI client registers; the loopback port is free (RFC 8252), the tests never listen on it. */
export const TEST_CLI_REDIRECT = 'http://localhost:1/callback';

export interface TestOidc {
  issuer: string;
  dataDir: string;
  auth: OidcAuthConfig;
  users: OidcUser[];
  /** Signs a user in through the provider's real form (CLI client, PKCE) and returns the tokens. */
  signIn(username: string, clientId?: string, redirectUri?: string): Promise<TokenResponse>;
  /** A client-credentials token for a machine client (crawler or partner). */
  machineToken(machine: 'crawler' | 'partner'): Promise<string>;
  stop(): Promise<void>;
}

/** Users with a random password each; `groups` as given (tests add users with none or two). */
export function testUsers(
  entries: { username: string; name: string; groups: OidcUser['groups'] }[],
): OidcUser[] {
  return entries.map((entry) => ({ ...entry, password: crypto.randomBytes(18).toString('base64url') }));
}

/** The real local OpenID provider (local/oidc/main.ts) as a child process, with its own data folder. */
export async function startTestOidc(options: {
  users: OidcUser[];
  consoleOrigins: string[];
  accessTokenTtlSeconds?: number;
}): Promise<TestOidc> {
  const dataDir = fs.mkdtempSync(path.join(process.env.SARING_TEST_WORK_DIR ?? os.tmpdir(), 'oidc-'));
  const provider = await startOidcProviderProcess({
    dataDir,
    users: options.users,
    consoleOrigins: options.consoleOrigins,
    logFile: path.join(dataDir, 'oidc.log'),
    ...(options.accessTokenTtlSeconds ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds } : {}),
  });
  const byName = new Map(options.users.map((user) => [user.username, user]));
  return {
    issuer: provider.issuer,
    dataDir,
    users: options.users,
    auth: {
      issuer: provider.issuer,
      consoleClientId: LOCAL_OIDC_CLIENTS.console,
      cliClientId: LOCAL_OIDC_CLIENTS.cli,
      machineClientIds: [LOCAL_OIDC_CLIENTS.crawler, LOCAL_OIDC_CLIENTS.partner],
    },
    signIn(username, clientId = LOCAL_OIDC_CLIENTS.cli, redirectUri = TEST_CLI_REDIRECT) {
      const user = byName.get(username);
      if (!user) throw new Error(`no test user ${username}`);
      return signInWithPassword(provider.issuer, clientId, redirectUri, user);
    },
    machineToken: (machine) => machineClientToken(provider.issuer, dataDir, machine),
    stop: () => provider.stop(),
  };
}
