import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';
import { MACHINE_ROLES, OfficerId, Role, type Role as RoleName } from '../domain/roles';
import { discoverIssuer } from '../lib/oidc-discovery';
import type { OidcAuthConfig } from './auth-config';
import { HttpError } from './http-error';

export interface VerifiedCaller {
  officerId: string;
  role: RoleName;
  name: string;
  clientId: string;
}

/** Why a token is refused: said to the caller as the 401's message. */
export class TokenRefused extends Error {}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedCaller>;
}

const MACHINE_SCOPE = /^saring\/([a-z_]+)$/;

const AccessClaims = z.object({
  token_use: z.string().optional(),
  client_id: z.string().optional(),
  username: z.string().optional(),
  name: z.string().max(120).optional(),
  scope: z.string().optional(),
  'cognito:groups': z.array(z.string()).optional(),
});

/**
 * Verifies access tokens with jose against the issuer's published keys (fetched once through discovery,
 * then cached by jose's remote JWK set, refetched on an unknown key id): RS256 signature, issuer,
 * expiry, token_use "access", an accepted client, then the caller's role: exactly one Cognito group
 * for officers (username is the officer id), exactly one saring/<role> scope for machine clients.
 */
export function createTokenVerifier(
  config: OidcAuthConfig,
  options: { keys?: JWTVerifyGetKey; now?: () => Date } = {},
): TokenVerifier {
  let keys: Promise<JWTVerifyGetKey> | undefined = options.keys ? Promise.resolve(options.keys) : undefined;
  const getKeys = () => {
    keys ??= discoverIssuer(config.issuer).then((discovery) =>
      createRemoteJWKSet(new URL(discovery.jwks_uri)),
    );
    // A failed discovery is retried on the next request instead of being cached.
    keys.catch(() => (keys = undefined));
    return keys;
  };
  const officerClients = new Set([config.consoleClientId, config.cliClientId]);
  const machineClients = new Set(config.machineClientIds);

  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        const jwks = await getKeys();
        ({ payload } = await jwtVerify(token, jwks, {
          issuer: config.issuer,
          algorithms: ['RS256'],
          requiredClaims: ['exp', 'iat'],
          ...(options.now ? { currentDate: options.now() } : {}),
        }));
      } catch (error) {
        if (!(error instanceof joseErrors.JOSEError) || error instanceof joseErrors.JWKSTimeout)
          throw new HttpError(
            503,
            'sign_in_unavailable',
            `Tokens cannot be checked right now: the sign-in provider ${config.issuer} is unreachable (${error instanceof Error ? error.message : String(error)}). Try again shortly.`,
          );
        throw new TokenRefused(refusal(error, config.issuer));
      }
      const claims = AccessClaims.safeParse(payload);
      if (!claims.success) throw new TokenRefused('The token has malformed claims. Sign in again.');
      const c = claims.data;
      if (c.token_use !== 'access')
        throw new TokenRefused(
          `This is not an access token (token_use ${JSON.stringify(c.token_use ?? null)}); send the access token.`,
        );
      const clientId = c.client_id ?? '';
      if (machineClients.has(clientId)) return machineCaller(clientId, c.scope);
      if (!officerClients.has(clientId))
        throw new TokenRefused(
          `The token was issued to the client ${JSON.stringify(clientId)}, which this API does not accept. Sign in through the console or \`saring login\`.`,
        );
      const groups = c['cognito:groups'] ?? [];
      if (groups.length !== 1)
        throw new TokenRefused(
          groups.length === 0
            ? `${c.username ?? 'This officer'} is in no group, so has no role. Ask the platform admin to add them to exactly one group.`
            : `${c.username ?? 'This officer'} is in ${groups.length} groups (${groups.join(', ')}); an officer has exactly one role. Ask the platform admin to fix the groups.`,
        );
      const role = Role.safeParse(groups[0]);
      if (!role.success || (MACHINE_ROLES as readonly string[]).includes(role.data))
        throw new TokenRefused(
          `The group ${JSON.stringify(groups[0])} is not an officer role (${Role.options.join(', ')}).`,
        );
      const officerId = OfficerId.safeParse(c.username);
      if (!officerId.success)
        throw new TokenRefused(
          `The token's username ${JSON.stringify(c.username ?? null)} is not an officer id (${officerId.error.issues[0]?.message}).`,
        );
      return { officerId: officerId.data, role: role.data, name: c.name ?? officerId.data, clientId };
    },
  };
}

function machineCaller(clientId: string, scope: string | undefined): VerifiedCaller {
  const roles = (scope ?? '')
    .split(' ')
    .map((s) => MACHINE_SCOPE.exec(s)?.[1])
    .filter((r): r is RoleName => r !== undefined && (MACHINE_ROLES as readonly string[]).includes(r));
  if (roles.length !== 1)
    throw new TokenRefused(
      `The machine client ${clientId} needs exactly one scope of ${MACHINE_ROLES.map((r) => `saring/${r}`).join(', ')}; it has ${JSON.stringify(scope ?? '')}.`,
    );
  const officerId = OfficerId.safeParse(clientId.toLowerCase());
  return {
    officerId: officerId.success ? officerId.data : roles[0]!,
    role: roles[0]!,
    name: clientId,
    clientId,
  };
}

function refusal(error: unknown, issuer: string): string {
  if (error instanceof joseErrors.JWTExpired)
    return `The token expired at ${new Date(Number(error.payload.exp) * 1000).toISOString()}. Sign in again (the console refreshes by itself; on the CLI run \`saring login\`).`;
  if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'iss')
    return `The token was issued by ${JSON.stringify(error.payload.iss ?? null)}, not by ${issuer}. Sign in with this platform's sign-in.`;
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `The token's ${error.claim} claim is not valid: ${error.message}.`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return 'The token is not signed with RS256 (unsigned tokens and other algorithms are refused). Sign in again.';
  if (error instanceof joseErrors.JWKSNoMatchingKey)
    return `The token is signed with a key ${issuer} does not publish. Sign in again.`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return `The token's signature does not match the keys of ${issuer}: it was altered or signed by someone else.`;
  return `The bearer token is not a valid signed token (${(error as joseErrors.JOSEError).code}). Sign in again.`;
}
