// Sign-in with OpenID Connect: authorization code + PKCE against the issuer the API names
// (GET /api/auth/config), tokens kept in sessionStorage (this tab only), refreshed before they expire.

const KEY = 'saring.session';
const PENDING = 'saring.signin';
const CALLBACK_PATH = '/auth/callback';
let refreshTimer;
let configPromise;

function signInConfig() {
  configPromise ??= fetch('/api/auth/config', { headers: { accept: 'application/json' } }).then(async (r) => {
    if (!r.ok) {
      configPromise = undefined;
      throw new Error(`Layanan masuk tidak tersedia (${r.status}). Coba lagi sebentar lagi.`);
    }
    return r.json();
  });
  return configPromise;
}

function stored() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || 'null');
  } catch {
    return null;
  }
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function tokenRequest(config, form) {
  const response = await fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token)
    throw new Error(
      `Masuk ditolak oleh penyedia: ${body.error_description || body.error || response.status}`,
    );
  const previous = stored();
  const session = {
    accessToken: body.access_token,
    refreshToken: body.refresh_token || (previous && previous.refreshToken) || undefined,
    idToken: body.id_token || (previous && previous.idToken) || undefined,
    expiresAt: Date.now() + body.expires_in * 1000,
    lifetimeMs: body.expires_in * 1000,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  scheduleRefresh(session);
  return session;
}

/** How long before expiry a token is renewed: a minute, or half its lifetime when it lives under two minutes. */
function renewalMargin(session, minute) {
  return Math.min(minute, (session.lifetimeMs || 2 * minute) / 2);
}

/** Refreshes a minute before expiry (silent: no page change). A failed refresh signs the officer out. */
function scheduleRefresh(session) {
  clearTimeout(refreshTimer);
  if (!session.refreshToken) return;
  const wait = Math.max(0, session.expiresAt - Date.now() - renewalMargin(session, 60_000));
  refreshTimer = setTimeout(() => {
    void refresh().catch((error) =>
      window.dispatchEvent(new CustomEvent('saring:unauthenticated', { detail: error })),
    );
  }, wait);
}

export async function refresh() {
  const session = stored();
  if (!session || !session.refreshToken) throw new Error('Sesi berakhir. Silakan masuk lagi.');
  const config = await signInConfig();
  return tokenRequest(config, {
    grant_type: 'refresh_token',
    refresh_token: session.refreshToken,
    client_id: config.consoleClientId,
  });
}

/** The access token for the next API call, refreshed first if it is about to expire. */
export async function accessToken() {
  const session = stored();
  if (!session) return null;
  if (session.expiresAt - Date.now() < renewalMargin(session, 30_000) && session.refreshToken)
    return (await refresh()).accessToken;
  return session.accessToken;
}

export function signedIn() {
  return stored() !== null;
}

/** Leaves for the provider's sign-in page; it comes back to /auth/callback. */
export async function startSignIn() {
  const config = await signInConfig();
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const url = new URL(config.authorizationEndpoint);
  url.search = new URLSearchParams({
    client_id: config.consoleClientId,
    response_type: 'code',
    redirect_uri: location.origin + CALLBACK_PATH,
    scope: 'openid offline_access',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  }).toString();
  location.assign(url.href);
}

/** On /auth/callback: trades the code for tokens, then returns to the console. False elsewhere. */
export async function completeSignIn() {
  if (location.pathname !== CALLBACK_PATH) {
    const session = stored();
    if (session) scheduleRefresh(session);
    return false;
  }
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', '/' + ((pending && pending.hash) || '#/cases'));
  if (params.get('error'))
    throw new Error(`Masuk gagal: ${params.get('error_description') || params.get('error')}`);
  if (!pending || params.get('state') !== pending.state)
    throw new Error('Jawaban masuk tidak cocok dengan permintaan ini. Silakan masuk lagi.');
  const config = await signInConfig();
  await tokenRequest(config, {
    grant_type: 'authorization_code',
    code: params.get('code') || '',
    redirect_uri: location.origin + CALLBACK_PATH,
    client_id: config.consoleClientId,
    code_verifier: pending.verifier,
  });
  return true;
}

/** Forgets the tokens (revoking the refresh token) and ends the provider's session where it offers that. */
export async function signOut() {
  clearTimeout(refreshTimer);
  const session = stored();
  sessionStorage.removeItem(KEY);
  if (!session) return;
  const config = await signInConfig().catch(() => undefined);
  if (!config) return;
  if (config.revocationEndpoint && session.refreshToken) {
    await fetch(config.revocationEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: session.refreshToken,
        token_type_hint: 'refresh_token',
        client_id: config.consoleClientId,
      }).toString(),
    }).catch(() => undefined);
  }
  if (config.endSessionEndpoint) {
    const url = new URL(config.endSessionEndpoint);
    url.search = new URLSearchParams({
      client_id: config.consoleClientId,
      post_logout_redirect_uri: location.origin + '/',
      ...(session.idToken ? { id_token_hint: session.idToken } : {}),
    }).toString();
    location.assign(url.href);
  }
}

/** Drops the tokens without a round trip (the API refused them). */
export function forget() {
  clearTimeout(refreshTimer);
  sessionStorage.removeItem(KEY);
}
