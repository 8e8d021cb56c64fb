import type { Browser, Page } from 'playwright-core';
import { CONSOLE_DIR } from '../../../console/console-dir';
import { LOCAL_OIDC_CLIENTS } from '../../../local/oidc/oidc-clients';
import { startApiTestEnv, type ApiTestEnv } from '../../support/api/api-test-kit';
import { launchChromium, signInToConsole } from '../../support/console/chromium-console';

/** Short enough to watch a token expire in a test; the console renews at half the lifetime. */
const ACCESS_TOKEN_TTL_SECONDS = 12;

interface StoredSession {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
}

/**
 * The console's session in a real Chromium against the real local provider with short-lived access
 * tokens: it keeps working past the first token's expiry by refreshing silently, and signing out revokes
 * the refresh token and returns to the sign-in screen.
 */
describe('officer console session (Chromium, short-lived tokens)', () => {
  let env: ApiTestEnv;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    [env, browser] = await Promise.all([
      startApiTestEnv({ consoleDir: CONSOLE_DIR, accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS }),
      launchChromium(),
    ]);
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  });
  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });

  const session = async () =>
    JSON.parse(
      String(await page.evaluate('sessionStorage.getItem("saring.session")')),
    ) as StoredSession | null;
  const apiWith = (token: string) =>
    fetch(`${env.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });

  it('refreshes silently past the first token’s expiry, then signs out: refresh token revoked, sign-in screen back, old token refused', async () => {
    await signInToConsole(page, env, 'siti.verifier');
    const first = (await session())!;
    expect(first.refreshToken).toEqual(expect.any(String));
    expect((await apiWith(first.accessToken)).status).toBe(200);

    // Past the first token's expiry: the console renewed it without leaving the page.
    await page.waitForTimeout(Math.max(0, first.expiresAt - Date.now()) + 2_000);
    const renewed = (await session())!;
    expect(renewed.accessToken).not.toBe(first.accessToken);
    expect(renewed.expiresAt).toBeGreaterThan(Date.now());
    expect(new URL(page.url()).origin).toBe(env.baseUrl);
    const expired = await apiWith(first.accessToken);
    expect(expired.status).toBe(401);
    expect(await expired.text()).toMatch(/expired/i);
    // And the console still works: reloading the queue calls the API with the renewed token.
    const queueCall = page.waitForResponse((response) => response.url().includes('/api/cases'));
    await page.getByRole('button', { name: 'Muat ulang' }).click();
    expect((await queueCall).status()).toBe(200);
    await page.getByRole('heading', { name: 'Antrean kasus' }).waitFor();

    const beforeSignOut = (await session())!;
    await page.getByRole('button', { name: 'Keluar' }).click();
    // The provider asks to confirm ending its own session (rp-initiated logout), then sends the officer back.
    await page.waitForURL((url) => url.href.startsWith(env.oidc.issuer));
    await page.getByRole('button', { name: /yes, sign me out/i }).click();
    await page.waitForURL((url) => url.origin === env.baseUrl);
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    expect(await session()).toBeNull();
    // The refresh token is revoked: the provider no longer renews with it.
    const token = await fetch(`${env.oidc.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: beforeSignOut.refreshToken!,
        client_id: LOCAL_OIDC_CLIENTS.console,
      }).toString(),
    });
    expect(token.status).toBe(400);
    expect(await token.json()).toMatchObject({ error: 'invalid_grant' });
    // An access token is a signed JWT, valid until it expires: the API refuses the last one once it has.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, beforeSignOut.expiresAt - Date.now()) + 1_000),
    );
    expect((await apiWith(beforeSignOut.accessToken)).status).toBe(401);
    expect(problems).toEqual([]);
  });
});
