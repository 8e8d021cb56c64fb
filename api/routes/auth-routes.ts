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
export function registerAuthRoutes(
  app: ZodApp,
  auth: OidcAuthConfig,
  discover: () => Promise<OidcDiscovery>,
): void {
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
      let found: OidcDiscovery;
      try {
        found = await discover();
      } catch (error) {
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

/**
 * The issuer's discovery document, fetched once (again after a failure), and the origins the console
 * calls for tokens (known once discovery answered; the issuer's own origin until then).
 */
export function signInDiscovery(auth: OidcAuthConfig): {
  discover: () => Promise<OidcDiscovery>;
  consoleOrigins: () => string[];
} {
  let pending: Promise<OidcDiscovery> | undefined;
  let origins = [new URL(auth.issuer).origin];
  const discover = () => {
    pending ??= discoverIssuer(auth.issuer).then(
      (found) => {
        const endpoints = [found.token_endpoint, found.revocation_endpoint].filter((u): u is string => !!u);
        origins = [...new Set([new URL(auth.issuer).origin, ...endpoints.map((u) => new URL(u).origin)])];
        return found;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  return { discover, consoleOrigins: () => origins };
}
