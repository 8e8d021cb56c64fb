import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { collectCaseHistories, writeCaseArchive } from '../../../audit/case-archiver';
import { caseAuditReader } from '../../../audit/case-audit-reader';
import { DirectoryArchive } from '../../../audit/directory-archive';
import { appendToLedger } from '../../../audit/ledger';
import { fileLedgerSigner, publicKeyFileOf } from '../../../audit/ledger-signer';
import { CONSOLE_DIR } from '../../../console/console-dir';
import { uniqueUrl } from '../../support/case-test-kit';
import { testDataConverter } from '../../support/codec/test-codec';
import { openCaseForVerification, startApiTestEnv, type ApiTestEnv } from '../../support/api/api-test-kit';
import {
  CONSOLE_ARTIFACTS,
  launchChromium,
  newConsolePage,
  signInToConsole,
} from '../../support/console/chromium-console';

/**
 * The auditor's archive panel in a real Chromium: a case closed on the dev server is archived (case
 * runs, manifest, signed ledger) into a folder the API reads; the auditor signs in through the OIDC
 * provider and sees the verification and the replay; a flipped byte is then named by the same route.
 */
describe('auditor console: archive verification and replay (Chromium)', () => {
  let env: ApiTestEnv;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  let archiveDir: string;
  const problems: string[] = [];
  /** The access audit's records of the archive routes (`verification` or `replay`). */
  const auditReadsOf = (route: string) =>
    env.auditLog
      .map((line) => JSON.parse(line) as { event: string; path?: string })
      .filter((record) => record.event === 'case_read' && record.path?.startsWith('/api/audit/'))
      .filter((record) => record.path!.endsWith(`/${route}`));

  beforeAll(async () => {
    const keyDir = fs.mkdtempSync(path.join(process.env.SARING_TEST_WORK_DIR ?? '/tmp', 'audit-panel-'));
    archiveDir = path.join(keyDir, 'archive');
    fs.mkdirSync(archiveDir);
    const keyFile = path.join(keyDir, 'ledger.pem');
    const signer = fileLedgerSigner(keyFile);
    const archive = new DirectoryArchive(archiveDir);
    [env, browser] = await Promise.all([
      startApiTestEnv({
        consoleDir: CONSOLE_DIR,
        caseAudit: caseAuditReader({
          archive,
          publicKeyPem: fs.readFileSync(publicKeyFileOf(keyFile), 'utf8'),
          dataConverter: testDataConverter,
        }),
      }),
      launchChromium(),
    ]);
    caseId = await openCaseForVerification(env, {
      url: uniqueUrl('www.tiktok.com', 'audit-panel'),
      text: 'Video lama banjir Martapura diunggah ulang',
      region: 'banjar',
    });
    expect(
      (
        await env
          .as('supervisor')
          .post(`/api/cases/${caseId}/actions/assignVerifier`, { assignee: 'siti.verifier' })
      ).status,
    ).toBe(200);
    const verdict = await env.as('verifier').post(`/api/cases/${caseId}/actions/submitVerdict`, {
      verdict: { kind: 'no_violation', reasons: ['video lama, bukan kejadian baru'] },
    });
    expect(verdict.status).toBe(200);
    await env.waitForState(caseId, (state) => state.stage === 'closed', 'closed');
    const outcome = await env.client.workflow.getHandle(caseId).result();
    expect(outcome).toMatchObject({ resolution: 'no_violation' });
    const ref = await writeCaseArchive(
      archive,
      await collectCaseHistories(env.client, caseId),
      () => new Date(),
    );
    await appendToLedger(archive, signer, ref, () => new Date());

    page = await newConsolePage(browser, problems, { viewport: { width: 1366, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });

  it('only auditors may read the archive checks', async () => {
    const refused = await env.as('supervisor').get(`/api/audit/cases/${caseId}/verification`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden_role');
    const unknown = await env.as('auditor').get('/api/audit/cases/case-0123456789abcdef0123/verification');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({
      code: 'not_archived',
      message: expect.stringMatching(/has no archive yet/),
    });
    const read = await env.as('auditor').get(`/api/audit/cases/${caseId}/verification`);
    expect(read.status).toBe(200);
    // Like a case read, the auditor's check is in the access audit; refused and unknown calls are not.
    expect(auditReadsOf('verification')).toEqual([
      expect.objectContaining({ caseId, role: 'auditor', path: `/api/audit/cases/${caseId}/verification` }),
    ]);
  });

  it('signs an auditor in and shows the timeline in Bahasa Indonesia, the archive intact and the replay agreed', async () => {
    await signInToConsole(page, env, 'tono.auditor');
    await page.goto(`${env.baseUrl}/#/cases/${caseId}`);
    await page.getByRole('heading', { name: `Kasus ${caseId}` }).waitFor();

    const timeline = page.locator('.timeline');
    await timeline
      .locator('li[data-code="case_assigned"]')
      .filter({ hasText: 'ditugaskan kepada siti.verifier' })
      .waitFor();
    await timeline
      .locator('li[data-code="closed"]')
      .filter({ hasText: 'ditutup: tidak melanggar' })
      .waitFor();
    expect(await timeline.textContent()).not.toMatch(/claimed the case|assigned to|closed: no violation/);

    const panel = page.getByRole('region', { name: 'Arsip audit' });
    await panel.getByRole('button', { name: 'Periksa keutuhan arsip' }).click();
    await panel
      .locator('[data-result="intact"]')
      .filter({ hasText: /Arsip utuh: 1 run kasus dan 0 run anak/ })
      .waitFor();

    await panel.getByRole('button', { name: 'Putar ulang riwayat (replay)' }).click();
    const replay = panel.locator('[data-result="agreed"]');
    await replay.waitFor({ timeout: 90_000 });
    await replay.filter({ hasText: /Replay sesuai: 1 run diputar ulang/ }).waitFor();
    // The time-travel table: the case went from verification to closed, with the event ids.
    const stages = await replay.locator('table.audit-steps tbody tr td:nth-child(2)').allTextContents();
    expect(stages).toEqual(expect.arrayContaining(['Verifikasi', 'Selesai']));
    const eventIds = (
      await replay.locator('table.audit-steps tbody tr td:first-child').allTextContents()
    ).map((text) => Number(text.slice(1)));
    expect(eventIds.length).toBeGreaterThan(1);
    expect(eventIds).toEqual([...eventIds].sort((a, b) => a - b));
    await page.screenshot({ path: path.join(CONSOLE_ARTIFACTS, 'console-audit-panel.png'), fullPage: true });
    expect(auditReadsOf('replay')).toEqual([
      expect.objectContaining({ caseId, role: 'auditor', path: `/api/audit/cases/${caseId}/replay` }),
    ]);
    expect(problems).toEqual([]);
  });

  it('names a flipped byte in an archived run, in the API and in the panel', async () => {
    const runFile = fs
      .readdirSync(archiveDir, { recursive: true, encoding: 'utf8' })
      .find((name) => name.includes(caseId) && name.includes(`${path.sep}runs${path.sep}`))!;
    expect(runFile).toBeDefined();
    const full = path.join(archiveDir, runFile);
    const bytes = fs.readFileSync(full);
    const at = bytes.indexOf('"eventId"');
    bytes[at + 1] = 'E'.charCodeAt(0);
    fs.writeFileSync(full, bytes);

    const verification = await env.as('auditor').get(`/api/audit/cases/${caseId}/verification`);
    expect(verification.status).toBe(200);
    expect(verification.body.ok).toBe(false);
    expect(verification.body.findings).toEqual([
      expect.objectContaining({ kind: 'altered', key: runFile.split(path.sep).join('/') }),
    ]);

    const panel = page.getByRole('region', { name: 'Arsip audit' });
    await panel.getByRole('button', { name: 'Periksa keutuhan arsip' }).click();
    await panel
      .locator('[data-result="tampered"] li[data-kind="altered"]')
      .filter({ hasText: 'diubah' })
      .waitFor();
    expect(problems).toEqual([]);
  });
});
