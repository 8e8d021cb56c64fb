import { z } from 'zod';

/** The parts of an issuer's /.well-known/openid-configuration Saring uses (Cognito and the local provider). */
export const OidcDiscovery = z.object({
  issuer: z.url(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  revocation_endpoint: z.url().optional(),
  end_session_endpoint: z.url().optional(),
});
export type OidcDiscovery = z.infer<typeof OidcDiscovery>;

/** Fetches and checks the issuer's discovery document; the issuer it names must be the one asked. */
export async function discoverIssuer(issuer: string): Promise<OidcDiscovery> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new Error(`Cannot reach the sign-in provider at ${url}: ${String(error)}. Is it running?`);
  }
  if (!response.ok) throw new Error(`The sign-in provider answered ${response.status} at ${url}.`);
  const parsed = OidcDiscovery.safeParse(await response.json());
  if (!parsed.success) throw new Error(`${url} is not an OpenID discovery document: ${parsed.error.message}`);
  if (parsed.data.issuer.replace(/\/$/, '') !== issuer.replace(/\/$/, ''))
    throw new Error(`${url} names the issuer ${parsed.data.issuer}, not ${issuer}.`);
  return parsed.data;
}
