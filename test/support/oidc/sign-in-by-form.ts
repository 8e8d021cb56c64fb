import { z } from 'zod';
import { discoverIssuer } from '../../../lib/oidc-discovery';
import { newPkce } from '../../../lib/pkce';

export const TokenResponse = z.object({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number(),
  refresh_token: z.string().optional(),
  id_token: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

/** Cookies by name; the provider's cookies are path-scoped, but sending them all is harmless here. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Follows an authorization URL through the provider's sign-in form the way a browser would (GET the
 * form, POST officer id and password, follow redirects) and returns the redirect to `redirectUri`,
 * or the form page's status and HTML if the provider kept us there.
 */
export async function completeSignInForm(
  authorizeUrl: string,
  redirectUri: string,
  credentials: { username: string; password: string },
): Promise<{ redirect: URL } | { status: number; html: string }> {
  const jar = new CookieJar();
  let next: { url: string; method: 'GET' | 'POST'; body?: string } = { url: authorizeUrl, method: 'GET' };
  for (let hop = 0; hop < 12; hop += 1) {
    const response = await fetch(next.url, {
      method: next.method,
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(next.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(next.body ? { body: next.body } : {}),
    });
    jar.take(response);
    const location = response.headers.get('location');
    if (location) {
      const target = new URL(location, next.url);
      if (
        `${target.origin}${target.pathname}` === new URL(redirectUri).href.replace(/\/$/, '') ||
        target.href.startsWith(redirectUri)
      )
        return { redirect: target };
      next = { url: target.href, method: 'GET' };
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action || next.method === 'POST')
      return { status: response.status, html };
    next = {
      url: new URL(action.replace(/&#47;/g, '/'), next.url).href,
      method: 'POST',
      body: new URLSearchParams(credentials).toString(),
    };
  }
  throw new Error(`sign-in at ${authorizeUrl} did not finish in 12 hops`);
}

/** Signs an officer in to a public client (authorization code + PKCE) and returns the token response. */
export async function signInWithPassword(
  issuer: string,
  clientId: string,
  redirectUri: string,
  credentials: { username: string; password: string },
): Promise<TokenResponse> {
  const discovery = await discoverIssuer(issuer);
  const pkce = newPkce();
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid offline_access',
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    state: pkce.state,
  }).toString();
  const outcome = await completeSignInForm(authorize.href, redirectUri, credentials);
  if (!('redirect' in outcome))
    throw new Error(
      `sign-in of ${credentials.username} stopped at the form (${outcome.status}): ${outcome.html.slice(0, 300)}`,
    );
  const code = outcome.redirect.searchParams.get('code');
  if (!code || outcome.redirect.searchParams.get('state') !== pkce.state)
    throw new Error(`sign-in of ${credentials.username} came back without a code: ${outcome.redirect.href}`);
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: pkce.verifier,
    }).toString(),
  });
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`token exchange failed: ${response.status} ${JSON.stringify(body)}`);
  return TokenResponse.parse(body);
}
