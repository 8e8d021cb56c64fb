import { z } from 'zod';
import { discoverIssuer, type OidcDiscovery } from '../../lib/oidc-discovery';
import type { OidcAuthConfig } from '../auth-config';
import { HttpError } from '../http-error';
import { PUBLIC } from '../openapi';
import { withErrors } from '../route-schemas';
import type { ZodApp } from '../server';

export const SignInConfig = z.object({
  issuer: z.string(),
  consoleClientId: z.string(),
  cliClientId: z.string(),
  authorizationEndpoint: z.string(),
  tokenEndpoint: z.string(),
  revocationEndpoint: z.string().optional(),
  endSessionEndpoint: z.string().optional(),
});
export type SignInConfig = z.infer<typeof SignInConfig>;

/**
 * How the console and `saring login` sign in: the issuer's endpoints (from its discovery document,
 * fetched once) and the public client ids. Public: it holds nothing secret.
 */
export function registerAuthRoutes(app: ZodApp, auth: OidcAuthConfig): void {
  let discovery: Promise<OidcDiscovery> | undefined;
  app.get(
    '/api/auth/config',
    {
      schema: {
        summary: 'Sign-in settings for the console and the CLI (OpenID Connect, authorization code + PKCE)',
        tags: ['meta'],
        security: PUBLIC,
        response: withErrors({ 200: SignInConfig }),
      },
    },
    async () => {
      discovery ??= discoverIssuer(auth.issuer);
      let found: OidcDiscovery;
      try {
        found = await discovery;
      } catch (error) {
        discovery = undefined;
        throw new HttpError(
          503,
          'sign_in_unavailable',
          `The sign-in provider cannot be reached: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return {
        issuer: auth.issuer,
        consoleClientId: auth.consoleClientId,
        cliClientId: auth.cliClientId,
        authorizationEndpoint: found.authorization_endpoint,
        tokenEndpoint: found.token_endpoint,
        ...(found.revocation_endpoint ? { revocationEndpoint: found.revocation_endpoint } : {}),
        ...(found.end_session_endpoint ? { endSessionEndpoint: found.end_session_endpoint } : {}),
      };
    },
  );
}
