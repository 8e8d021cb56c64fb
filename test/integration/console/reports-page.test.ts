import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CONSOLE_DIR } from '../../../console/console-dir';
import { Report, type CaseFacts } from '../../../domain';
import { computeReport } from '../../../reports/compute-report';
import { reportToCsv } from '../../../reports/report-csv';
import { reportKeys } from '../../../reports/report-layout';
import { startApiTestEnv, type ApiTestEnv } from '../../support/api/api-test-kit';
import {
  CONSOLE_ARTIFACTS,
  launchChromium,
  newConsolePage,
  signInToConsole,
} from '../../support/console/chromium-console';

const fact = (caseId: string, overrides: Partial<CaseFacts>): CaseFacts => ({
  caseId,
  asOf: '2026-11-29T18:00:00.000Z',
  openedAt: '2026-11-29T02:00:00.000Z',
  category: 'online_gambling',
  platform: 'website',
  region: 'banjarmasin',
  source: 'crawler',
  priority: 'urgent',
  contentType: 'url',
  classified: true,
  deadlines: [],
  takedowns: [],
  ...overrides,
});

/** The "Laporan" page in a real Chromium: an auditor signs in through the OIDC provider and reads the charts. */
describe('console report page (Chromium)', () => {
  let env: ApiTestEnv;
  let browser: Browser;
  let page: Page;
  let report: Report;
  const problems: string[] = [];

  beforeAll(async () => {
    [env, browser] = await Promise.all([startApiTestEnv({ consoleDir: CONSOLE_DIR }), launchChromium()]);
    report = Report.parse(
      computeReport(
        { kind: 'daily', period: '2026-11-29' },
        [
          fact('case-00000000000000000001', {
            verdict: { kind: 'illegal', at: '2026-11-29T02:30:00.000Z', reasons: ['situs judi'] },
            deadlines: [
              {
                sla: 'verification',
                startedAt: '2026-11-29T02:00:00.000Z',
                dueAt: '2026-11-29T04:00:00.000Z',
                closedAt: '2026-11-29T02:30:00.000Z',
                closedHow: 'met',
              },
            ],
            takedowns: [
              {
                key: 'x-1',
                platform: 'x',
                url: 'https://x.com/a',
                requestedAt: '2026-11-29T02:31:00.000Z',
                level: 'ST1',
              },
            ],
          }),
          fact('case-00000000000000000002', {
            category: 'hoax',
            source: 'public_complaint',
            region: 'tapin',
          }),
          fact('case-00000000000000000003', {
            category: 'hoax',
            source: 'public_complaint',
            region: 'tapin',
            clarification: {
              pillar: 'digital_safety',
              title: '[HOAKS] x',
              publishedAt: '2026-11-29T05:00:00.000Z',
              urls: [],
            },
          }),
        ],
        new Date('2026-11-29T18:00:00.000Z'),
      ),
    );
    const request = { kind: 'daily', period: '2026-11-29' } as const;
    await env.reportArchive.putOnce(
      reportKeys.json(request),
      new TextEncoder().encode(JSON.stringify(report)),
    );
    await env.reportArchive.putOnce(reportKeys.csv(request), new TextEncoder().encode(reportToCsv(report)));
    page = await newConsolePage(browser, problems, { acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });

  it('shows an auditor the report as charts with Indonesian labels, and downloads its CSV', async () => {
    await signInToConsole(page, env, 'tono.auditor');
    await page.getByRole('link', { name: 'Laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Kasus dibuka: 3' }).waitFor();

    const bars = async (section: string, chart: string) => {
      const rows = page
        .getByRole('region', { name: section })
        .getByRole('img', { name: new RegExp(`^${chart}`) })
        .locator('g.chart-row');
      const found: (string | undefined)[][] = [];
      for (const row of await rows.all())
        found.push([(await row.getAttribute('data-label')) ?? undefined, (await row.textContent())?.trim()]);
      return found;
    };
    expect(await bars('Kasus dibuka: 3', 'Per kategori')).toEqual([
      ['Hoaks / disinformasi', 'Hoaks / disinformasi2'],
      ['Judi online', 'Judi online1'],
    ]);
    expect(await bars('Kasus dibuka: 3', 'Per sumber')).toEqual([
      ['Aduan masyarakat', 'Aduan masyarakat2'],
      ['Mesin pengais (AIS)', 'Mesin pengais (AIS)1'],
    ]);
    expect(await bars('Kepatuhan SLA per jenis tenggat', 'Tepat waktu')).toEqual([
      ['Verifikasi', 'Verifikasi100% (1 tepat, 0 terlewat)'],
    ]);
    expect(await bars('Kepatuhan takedown per platform', 'Tangga eskalasi')).toEqual([
      ['X ST1', 'X ST11'],
      ['X ST2', 'X ST20'],
      ['X ST3', 'X ST30'],
    ]);
    const pillars = await bars('Klarifikasi terbit per pilar literasi digital', 'Klarifikasi');
    expect(pillars).toContainEqual([
      'Keamanan Digital (Digital Safety)',
      'Keamanan Digital (Digital Safety)1',
    ]);
    // A bar's length follows its value: the two-case bar is twice the one-case bar.
    const rects = await page
      .getByRole('region', { name: 'Kasus dibuka: 3' })
      .getByRole('img', { name: /^Per kategori/ })
      .locator('rect')
      .all();
    const widths = await Promise.all(rects.map(async (rect) => Number(await rect.getAttribute('width'))));
    expect(widths[0]).toBe(2 * widths[1]!);
    await page.screenshot({ path: path.join(CONSOLE_ARTIFACTS, 'console-reports.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('laporan-daily-2026-11-29.csv');
    expect(fs.readFileSync(await download.path(), 'utf8')).toBe(reportToCsv(report));
    expect(problems).toEqual([]);
  });

  it('does not offer the page to a verifier', async () => {
    const verifierPage = await browser.newPage();
    await signInToConsole(verifierPage, env, 'siti.verifier');
    expect(await verifierPage.getByRole('link', { name: 'Laporan' }).isVisible()).toBe(false);
    await verifierPage.close();
  });
});
