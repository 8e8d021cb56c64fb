import type { Browser, Page } from 'playwright-core';
import { CONSOLE_DIR } from '../../../console/console-dir';
import { uniqueUrl } from '../../support/case-test-kit';
import { riamKananClarifiedMatch } from '../../support/claims/riam-kanan-match';
import { openCaseForVerification, startApiTestEnv, type ApiTestEnv } from '../../support/api/api-test-kit';
import { launchChromium, newConsolePage, signInToConsole } from '../../support/console/chromium-console';

const LINKED = 'case-0a1b2c3d4e5f60718294';
const MATCH = riamKananClarifiedMatch(LINKED, 0.58);

/**
 * Issue 15 in the console (real Chromium, API, dev server and workflows; matchClaim scripted to link the
 * reported text to a clarified case): the case shows the case it repeats, the verifier claims it and
 * reuses the linked clarification through its form, and the timeline says so.
 */
describe('console: reuse a linked clarification (Chromium)', () => {
  let env: ApiTestEnv;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    [env, browser] = await Promise.all([
      startApiTestEnv({
        consoleDir: CONSOLE_DIR,
        script: { claimMatch: (text) => (text.includes('Riam Kanan') ? MATCH : null) },
      }),
      launchChromium(),
    ]);
    caseId = await openCaseForVerification(env, {
      url: uniqueUrl('www.facebook.com', 'console-reuse'),
      text: 'Waduk Riam Kanan jebol!! warga Martapura disuruh ngungsi sekarang',
    });
    page = await newConsolePage(browser, problems);
  });
  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });

  it('shows the linked case and reuses its clarification through the form', async () => {
    await signInToConsole(page, env, 'siti.verifier');
    await page.goto(`${env.baseUrl}/#/cases/${caseId}`);
    await page.getByRole('heading', { name: `Kasus ${caseId}` }).waitFor();

    const facts = page.locator('.facts');
    await facts.filter({ hasText: `${LINKED} (kemiripan 0.58)` }).waitFor();
    await facts.filter({ hasText: 'model rules-only' }).waitFor();

    const actions = page.getByRole('region', { name: 'Langkah Anda' });
    await actions.getByRole('button', { name: 'Ambil kasus ini' }).click();
    const form = page.locator('form[data-step="reuseClarification"]');
    await form.filter({ hasText: '[HOAKS] Bendungan Riam Kanan tidak jebol' }).waitFor();
    await form.filter({ hasText: 'https://diskominfo.example/klarifikasi/riam-kanan' }).waitFor();
    await form.getByRole('button', { name: 'Pakai ulang klarifikasi' }).click();

    const reused = page.locator('.timeline li[data-action="clarification_reused"]');
    await reused.filter({ hasText: `klarifikasi [HOAKS] dari ${LINKED} dipakai ulang apa adanya` }).waitFor();
    const closed = await env.waitForState(caseId, (state) => state.stage === 'closed', `${caseId} closed`);
    expect(closed.clarificationReuse?.by.officerId).toBe('siti.verifier');
    expect(problems).toEqual([]);
  });
});
