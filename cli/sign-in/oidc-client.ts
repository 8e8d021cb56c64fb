import { z } from 'zod';
import { SignInConfig } from '../../api/routes/auth-routes';
import type { StoredTokens } from './token-store';

const OAuthError = z.object({ error: z.string(), error_description: z.string().optional() });

const TokenAnswer = z.object({
  access_token: z.string(),
  expires_in: z.number(),
  refresh_token: z.string().optional(),
});

/** The API's sign-in settings (GET /api/auth/config). */
export async function fetchSignInConfig(apiUrl: string): Promise<SignInConfig> {
  const url = new URL('/api/auth/config', apiUrl);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new Error(`Cannot reach the API at ${apiUrl} (${String(error)}). Check SARING_API_URL.`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = SignInConfig.safeParse(body);
  if (!response.ok || !parsed.success)
    throw new Error(`${url.href} did not give sign-in settings (${response.status}). Is it a Saring API?`);
  return parsed.data;
}

/** POSTs a grant to the token endpoint; refusals come back with the provider's own words. */
export async function requestTokens(
  tokenEndpoint: string,
  form: Record<string, string>,
): Promise<{ accessToken: string; refreshToken?: string; expiresAt: number }> {
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    signal: AbortSignal.timeout(15_000),
  });
  const body: unknown = await response.json().catch(() => ({}));
  const parsed = TokenAnswer.safeParse(body);
  if (!response.ok || !parsed.success) {
    const refusal = OAuthError.safeParse(body);
    const why = refusal.success
      ? `${refusal.data.error}${refusal.data.error_description ? `: ${refusal.data.error_description}` : ''}`
      : 'no token in the answer';
    throw new Error(`The sign-in provider refused (${response.status} ${why}). Run \`saring login\`.`);
  }
  return {
    accessToken: parsed.data.access_token,
    ...(parsed.data.refresh_token ? { refreshToken: parsed.data.refresh_token } : {}),
    expiresAt: Date.now() + parsed.data.expires_in * 1000,
  };
}

/** The stored access token, refreshed first when it has less than a minute left. */
export async function freshTokens(stored: StoredTokens): Promise<StoredTokens | undefined> {
  if (stored.expiresAt - Date.now() > 60_000) return undefined;
  if (!stored.refreshToken) throw new Error('Your sign-in expired. Run `saring login`.');
  const renewed = await requestTokens(stored.tokenEndpoint, {
    grant_type: 'refresh_token',
    refresh_token: stored.refreshToken,
    client_id: stored.clientId,
  });
  return { ...stored, ...renewed, refreshToken: renewed.refreshToken ?? stored.refreshToken };
}
