import { z } from 'zod';
import { newPkce } from '../../lib/pkce';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { fetchSignInConfig, requestTokens } from '../sign-in/oidc-client';
import { startLoopbackReceiver } from '../sign-in/loopback-receiver';
import { deleteTokens, readTokens, tokenFile, writeTokens } from '../sign-in/token-store';

/** The loopback port Cognito's CLI client registers (infra/constructs/api/officer-directory.ts). */
const DEFAULT_CALLBACK_PORT = 53682;

export const login = defineCommand({
  words: ['login'],
  summary: 'sign in (your browser opens the sign-in page; tokens are kept for you, mode 0600)',
  usage: 'saring login [--port <port>]',
  help: [
    'Prints a sign-in URL: open it, sign in with your officer id and password, and the browser comes back',
    `to this command on http://localhost:<port>/callback (default port ${DEFAULT_CALLBACK_PORT}; 0 picks a free`,
    'one, which the local provider allows). The tokens go to $XDG_CONFIG_HOME/saring/tokens.json; later',
    'commands use and refresh them. `saring logout` forgets them.',
  ].join('\n'),
  positionals: z.tuple([]),
  flags: z.strictObject({ port: z.coerce.number().int().min(0).max(65535).optional() }),
  async run({ flags, ctx }) {
    if (!ctx.apiUrl) throw new UsageError('no API URL: set SARING_API_URL or pass --api');
    const config = await fetchSignInConfig(ctx.apiUrl);
    const receiver = await startLoopbackReceiver(flags.port ?? DEFAULT_CALLBACK_PORT);
    try {
      const pkce = newPkce();
      const authorize = new URL(config.authorizationEndpoint);
      authorize.search = new URLSearchParams({
        client_id: config.cliClientId,
        response_type: 'code',
        redirect_uri: receiver.redirectUri,
        scope: 'openid offline_access',
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
        state: pkce.state,
      }).toString();
      ctx.err(`Open this URL in your browser to sign in (waiting up to 5 minutes):\n${authorize.href}`);
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error('No sign-in within 5 minutes. Run `saring login` again.')),
          300_000,
        ).unref(),
      );
      const params = await Promise.race([receiver.received, timeout]);
      const code = params.get('code');
      if (!code)
        throw new Error(
          `Sign-in failed: ${params.get('error') ?? 'no code'} ${params.get('error_description') ?? ''}`.trim(),
        );
      if (params.get('state') !== pkce.state)
        throw new Error('Sign-in answer does not match this login (state). Try again.');
      const tokens = await requestTokens(config.tokenEndpoint, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: receiver.redirectUri,
        client_id: config.cliClientId,
        code_verifier: pkce.verifier,
      });
      const file = writeTokens(ctx.env, {
        apiUrl: ctx.apiUrl,
        tokenEndpoint: config.tokenEndpoint,
        ...(config.revocationEndpoint ? { revocationEndpoint: config.revocationEndpoint } : {}),
        clientId: config.cliClientId,
        ...tokens,
      });
      ctx.out(`Signed in. Tokens kept in ${file} (mode 0600); \`saring me\` shows who you are.`);
    } finally {
      receiver.close();
    }
  },
});

export const logout = defineCommand({
  words: ['logout'],
  summary: 'sign out: revoke the refresh token and forget the stored tokens',
  usage: 'saring logout',
  help: 'Removes $XDG_CONFIG_HOME/saring/tokens.json after asking the provider to revoke the refresh token.',
  positionals: z.tuple([]),
  flags: z.strictObject({}),
  async run({ ctx }) {
    const stored = readTokens(ctx.env);
    if (stored?.refreshToken && stored.revocationEndpoint) {
      await fetch(stored.revocationEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          token: stored.refreshToken,
          token_type_hint: 'refresh_token',
          client_id: stored.clientId,
        }).toString(),
        signal: AbortSignal.timeout(15_000),
      }).catch(() =>
        ctx.err('Could not reach the provider to revoke the refresh token; forgetting it anyway.'),
      );
    }
    ctx.out(
      deleteTokens(ctx.env) ? `Signed out (${tokenFile(ctx.env)} removed).` : 'You were not signed in.',
    );
  },
});
