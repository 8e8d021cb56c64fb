import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider' with { 'resolution-mode': 'import' };
import { loginPage } from './login-page';
import {
  API_RESOURCE,
  CLI_CALLBACKS,
  CONSOLE_CALLBACK_PATH,
  LOCAL_OIDC_CLIENTS,
  MACHINE_SCOPES,
  OFFICER_SCOPE,
} from './oidc-clients';
import { passwordMatches, type OidcUser } from './oidc-users';
import type { PrivateRsaJwk } from './signing-key';
import type { MachineSecrets } from './machine-clients';

export interface LocalOidcOptions {
  host: string;
  /** 0: any free port. */
  port: number;
  users: OidcUser[];
  signingKey: PrivateRsaJwk;
  machineSecrets: MachineSecrets;
  accessTokenTtlSeconds: number;
  /** Origins the console is served from (the API's), e.g. http://127.0.0.1:8080. */
  consoleOrigins: string[];
  /** One structured line per event (sign-in, failed sign-in); stdout in the child process. */
  log: (event: Record<string, unknown>) => void;
}

export interface RunningOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

const LoginForm = z.object({ username: z.string().max(200), password: z.string().max(200) });
const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]{1,64})(\/login)?$/;

/**
 * The local OpenID provider (the certified `oidc-provider` library): authorization code with PKCE for
 * the console and CLI, client credentials for machines, and JWT access tokens shaped like Cognito's
 * (token_use, client_id, username, cognito:groups), so the API has one verification path.
 */
export async function startLocalOidcProvider(options: LocalOidcOptions): Promise<RunningOidcProvider> {
  // oidc-provider is ESM-only; this file runs in its own process under tsx (local/oidc/main.ts).
  const { default: Provider } = await import('oidc-provider');
  const users = new Map(options.users.map((user) => [user.username, user]));

  let handle: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const issuer = `http://${options.host}:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: LOCAL_OIDC_CLIENTS.console,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: options.consoleOrigins.map((origin) => `${origin}${CONSOLE_CALLBACK_PATH}`),
        post_logout_redirect_uris: options.consoleOrigins.map((origin) => `${origin}/`),
      },
      {
        client_id: LOCAL_OIDC_CLIENTS.cli,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: CLI_CALLBACKS,
      },
      ...(['crawler', 'partner'] as const).map((machine) => ({
        client_id: LOCAL_OIDC_CLIENTS[machine],
        client_secret: options.machineSecrets[machine],
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: MACHINE_SCOPES[machine],
      })),
    ],
    jwks: { keys: [options.signingKey] },
    cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    // The console calls the token and revocation endpoints from its own origin.
    clientBasedCORS: (_ctx, origin, client) =>
      client.clientId === LOCAL_OIDC_CLIENTS.console && options.consoleOrigins.includes(origin),
    scopes: ['openid', 'offline_access', OFFICER_SCOPE, ...Object.values(MACHINE_SCOPES)],
    claims: { openid: ['sub'], profile: ['name'] },
    ttl: {
      AccessToken: options.accessTokenTtlSeconds,
      ClientCredentials: options.accessTokenTtlSeconds,
      IdToken: options.accessTokenTtlSeconds,
      RefreshToken: 8 * 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== API_RESOURCE) throw new Error(`unknown resource ${resource}`);
          return {
            scope: [OFFICER_SCOPE, ...Object.values(MACHINE_SCOPES)].join(' '),
            audience: API_RESOURCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: options.accessTokenTtlSeconds,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    findAccount: (_ctx, sub) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: () => ({ sub, name: user.name }) };
    },
    extraTokenClaims: (_ctx, token) => {
      const accountId = 'accountId' in token ? token.accountId : undefined;
      if (!accountId) return { token_use: 'access' };
      const user = users.get(accountId);
      return {
        token_use: 'access',
        username: accountId,
        name: user?.name,
        'cognito:groups': user?.groups ?? [],
      };
    },
    // First-party clients only: every officer's grant covers the API, with no consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { provider, session, client } = ctx.oidc;
      if (!session?.accountId || !client) return undefined;
      const grantId = session.grantIdFor(client.clientId);
      if (grantId) {
        const existing = await provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid offline_access');
      grant.addResourceScope(API_RESOURCE, OFFICER_SCOPE);
      await grant.save();
      return grant;
    },
    renderError: (ctx, out) => {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `Sign-in error: ${out.error}${out.error_description ? ` (${out.error_description})` : ''}. Start the sign-in again from the console or \`saring login\`.`;
    },
  };
  const provider = new Provider(issuer, configuration);
  const providerHandler = provider.callback();

  handle = (req, res) => {
    const match = INTERACTION.exec(new URL(req.url ?? '/', issuer).pathname);
    if (!match) return void providerHandler(req, res);
    interaction(req, res, Boolean(match[2])).catch((error: unknown) => {
      options.log({
        event: 'oidc_interaction_error',
        error: error instanceof Error ? error.message : String(error),
      });
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('This sign-in expired or is invalid. Start the sign-in again.');
    });
  };

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, submitted: boolean) {
    const details = await provider.interactionDetails(req, res);
    const clientId = typeof details.params.client_id === 'string' ? details.params.client_id : '';
    const action = `/interaction/${details.uid}/login`;
    if (details.prompt.name !== 'login') {
      // Consent is implied for these first-party clients (loadExistingGrant); nothing to ask.
      return provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true });
    }
    if (!submitted || req.method !== 'POST') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(loginPage({ action, clientId }));
    }
    const form = LoginForm.safeParse(Object.fromEntries(new URLSearchParams(await readBody(req))));
    const username = form.success ? form.data.username.trim() : '';
    const user = users.get(username);
    if (!form.success || !user || !passwordMatches(user, form.data.password)) {
      options.log({ event: 'sign_in_failed', username, clientId });
      res.writeHead(401, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(
        loginPage({ action, clientId, username, error: 'Officer id or password is wrong.' }),
      );
    }
    options.log({ event: 'signed_in', username, clientId });
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.username } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 10_000) throw new Error('sign-in form too large');
  }
  return body;
}
