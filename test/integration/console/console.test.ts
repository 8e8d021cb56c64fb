import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CONSOLE_DIR } from '../../../console/console-dir';
import { uniqueUrl } from '../../support/case-test-kit';
import { timelineEntryText } from '../../../domain';
import {
  openCaseForVerification,
  startApiTestEnv,
  type ApiTestEnv,
  type TimelineBody,
} from '../../support/api/api-test-kit';
import {
  CONSOLE_ARTIFACTS,
  launchChromium,
  newConsolePage,
  openProviderSignIn,
  submitSignInForm,
} from '../../support/console/chromium-console';

/** The web console in a real Chromium against the in-process API, real dev server and real workflows. */
describe('officer console (Chromium)', () => {
  let env: ApiTestEnv;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    [env, browser] = await Promise.all([startApiTestEnv({ consoleDir: CONSOLE_DIR }), launchChromium()]);
    caseId = await openCaseForVerification(env, {
      url: uniqueUrl('www.facebook.com', 'console'),
      text: 'Beredar pesan: bendungan Riam Kanan jebol malam ini, warga Banjar diminta mengungsi',
      region: 'banjar',
      reason: 'pesan berantai WhatsApp',
    });
    page = await newConsolePage(browser, problems);
  });
  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });

  it('sends the officer to the provider’s sign-in form, which refuses a wrong password', async () => {
    await openProviderSignIn(page, env);
    await page.getByLabel('Officer id').fill('siti.verifier');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').filter({ hasText: 'Officer id or password is wrong.' }).waitFor();
  });

  it('signs a verifier in through the provider (code + PKCE) and shows the queue with the case, its priority and SLA countdown', async () => {
    await submitSignInForm(page, env, 'siti.verifier');
    await expectText(page.locator('.whoami-text'), /Siti Rahmah · Verifikator/);
    expect(new URL(page.url()).origin).toBe(env.baseUrl);
    const session = JSON.parse(String(await page.evaluate('sessionStorage.getItem("saring.session")'))) as {
      accessToken: string;
      refreshToken?: string;
    };
    expect(session.accessToken.split('.')).toHaveLength(3);
    expect(session.refreshToken).toEqual(expect.any(String));

    // Visibility is eventually consistent: reload the queue until the case is listed.
    await page.getByLabel('Wilayah').first().selectOption('banjar');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    const link = page.getByRole('link', { name: caseId });
    for (let attempt = 0; attempt < 40 && !(await link.isVisible()); attempt += 1) {
      await page.waitForTimeout(250);
      await page.getByRole('button', { name: 'Muat ulang' }).click();
    }
    const row = page.getByRole('row').filter({ has: link });
    await expectText(row, /Verifikasi/);
    await expectText(row, /Banjar/);
    await expectText(row, /lagi/);
    // Other test files' cases share this server; the region filter must hold for every row shown.
    const regions = await page.locator('table tbody tr td:nth-child(5)').allTextContents();
    expect(new Set(regions.map((text) => text.trim()))).toEqual(new Set(['Banjar']));
    await page.screenshot({ path: path.join(CONSOLE_ARTIFACTS, 'console-queue.png'), fullPage: true });
    await link.click();
    await page.getByRole('heading', { name: `Kasus ${caseId}` }).waitFor();
  });

  it('claims the case, shows a refusal verbatim, submits a verdict through the form, and the timeline follows', async () => {
    const actions = page.getByRole('region', { name: 'Langkah Anda' });
    await actions.getByRole('button', { name: 'Ambil kasus ini' }).click();
    await page
      .locator('.timeline li[data-action="assigned"]')
      .filter({ hasText: 'siti.verifier (Verifikator)' })
      .waitFor();

    const verdictForm = page.locator('form[data-step="submitVerdict"]');
    await verdictForm.getByLabel('Putusan', { exact: true }).selectOption('hoax');
    // No reasons yet: the API's own message appears next to the form, and nothing changes.
    await verdictForm.getByRole('button', { name: 'Kirim putusan' }).click();
    await verdictForm
      .getByRole('alert')
      .filter({
        hasText: 'Invalid submitVerdict payload: verdict.reasons: a verdict needs at least one reason',
      })
      .waitFor();

    await verdictForm.getByLabel('Label hoaks').selectOption('HOAKS');
    await verdictForm
      .getByLabel('Alasan')
      .fill('BPBD Kalsel: bendungan aman, tidak ada perintah mengungsi\nFoto lama dari 2021');
    await verdictForm.getByLabel('Perlu tanggapan publik (bersama Humas)').uncheck();
    await verdictForm.getByRole('button', { name: 'Kirim putusan' }).click();

    const verdictEntry = page.locator('.timeline li[data-action="verdict_submitted"]');
    await verdictEntry.waitFor();
    await expectText(verdictEntry, /siti\.verifier \(Verifikator\)/);
    await expectText(verdictEntry, /hoaks \[HOAKS\]: BPBD Kalsel: bendungan aman/);
    await expectText(page.locator('.facts'), /Hoaks \[HOAKS\]/);
    // The evidence list carries the snapshot's SHA-256.
    await expectText(page.locator('table.evidence'), /snapshot\s*[a-f0-9]{64}/);

    // Reaching the action stage, the verifier may draft the clarification: the form appears.
    for (
      let attempt = 0;
      attempt < 40 && !(await page.locator('form[data-step="draftStatement"]').isVisible());
      attempt += 1
    ) {
      await page.waitForTimeout(250);
      await page.evaluate('window.dispatchEvent(new HashChangeEvent("hashchange"))');
    }
    await page.locator('form[data-step="draftStatement"]').waitFor();
    await page.screenshot({ path: path.join(CONSOLE_ARTIFACTS, 'console-case.png'), fullPage: true });

    // Every entry shown reads exactly as the domain renders it in Bahasa Indonesia (the API sends the text).
    const { body } = await env.as('auditor').get<TimelineBody>(`/api/cases/${caseId}/timeline`);
    const rendered = new Map(
      body.timeline.map((entry) => [String(entry.seq), timelineEntryText(entry, 'id')]),
    );
    const shown: { seq: string | null; code: string | null; text: string | null }[] = [];
    for (const item of await page.locator('.timeline li').all())
      shown.push({
        seq: await item.getAttribute('data-seq'),
        code: await item.getAttribute('data-code'),
        text: await item.locator('.timeline-summary').textContent(),
      });
    expect(shown.map((entry) => entry.code)).toEqual(
      expect.arrayContaining(['case_claimed', 'verdict_submitted', 'stage_changed', 'detected']),
    );
    expect(shown.map((entry) => entry.text)).toEqual(shown.map((entry) => rendered.get(entry.seq ?? '')));

    const state = await env.as('auditor').get(`/api/cases/${caseId}`);
    expect(state.body.verdict.by).toEqual({ officerId: 'siti.verifier', role: 'verifier' });
    expect(problems).toEqual([]);
  });

  it('serves only the console files, with a CSP that forbids inline and foreign scripts', async () => {
    const response = await fetch(`${env.baseUrl}/`);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect((await fetch(`${env.baseUrl}/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${env.baseUrl}/.env`)).status).toBe(404);
  });
});

async function expectText(locator: ReturnType<Page['locator']>, pattern: RegExp): Promise<void> {
  await locator.filter({ hasText: pattern }).first().waitFor({ timeout: 15_000 });
}
