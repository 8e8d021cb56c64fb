import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { ApiTestEnv } from '../api/api-test-kit';

/** Where the console tests leave their screenshots (test/.artifacts). */
export const CONSOLE_ARTIFACTS = path.resolve(__dirname, '../../.artifacts');

/** The system Chromium, headless and quiet (no background traffic, no component updates). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/**
 * A new page whose script errors and console errors (CSP violations among them) land in `problems`:
 * they would break the console silently. A failed request is the test's own business, not a problem.
 */
export async function newConsolePage(
  browser: Browser,
  problems: string[],
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, ...options });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  fs.mkdirSync(CONSOLE_ARTIFACTS, { recursive: true });
  return page;
}

type SignInEnv = Pick<ApiTestEnv, 'baseUrl' | 'oidc'>;

/** Opens the console and follows its "Masuk" button to the provider's sign-in form. */
export async function openProviderSignIn(page: Page, env: SignInEnv): Promise<void> {
  await page.goto(env.baseUrl);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.href.startsWith(env.oidc.issuer));
}

/** Fills the provider's form as a test user and waits for the console's queue. */
export async function submitSignInForm(page: Page, env: SignInEnv, username: string): Promise<void> {
  const user = env.oidc.users.find((candidate) => candidate.username === username);
  if (!user)
    throw new Error(
      `no test user ${username}: pick one of ${env.oidc.users.map((u) => u.username).join(', ')}`,
    );
  await page.getByLabel('Officer id').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Antrean kasus' }).waitFor();
}

/** Signs a test user in through the console and the provider (code + PKCE), landing on the queue. */
export async function signInToConsole(page: Page, env: SignInEnv, username: string): Promise<void> {
  await openProviderSignIn(page, env);
  await submitSignInForm(page, env, username);
}
