import { execFile } from 'node:child_process';
import path from 'node:path';
import { ClaimReviewDocument, Report, StatementsOfReasonsExport, type CaseFacts } from '../../../domain';
import { computeReport } from '../../../reports/compute-report';
import { reportToCsv } from '../../../reports/report-csv';
import { claimReviews, statementsOfReasons } from '../../../reports/transparency-exports';
import { reportKeys } from '../../../reports/report-layout';
import { startApiTestEnv, type ApiTestEnv, type OfficerKey } from '../../support/api/api-test-kit';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');

function saring(env: ApiTestEnv, who: OfficerKey, args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [TSX, path.join(REPO_ROOT, 'cli/main.ts'), ...args],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          SARING_API_URL: env.baseUrl,
          SARING_TOKEN: env.tokens[who],
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const fact = (overrides: Partial<CaseFacts>): CaseFacts => ({
  caseId: 'case-00000000000000000001',
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

/** The report routes and `saring report`: roles, formats, and errors that say what to do. */
describe('reports through the API and the CLI', () => {
  let env: ApiTestEnv;
  let report: Report;
  let sor: StatementsOfReasonsExport;
  let reviews: ClaimReviewDocument;
  const encoder = new TextEncoder();

  beforeAll(async () => {
    env = await startApiTestEnv();
    const request = { kind: 'daily', period: '2026-11-29' } as const;
    const facts = [
      fact({
        verdict: { kind: 'illegal', at: '2026-11-29T02:30:00.000Z', reasons: ['situs judi'] },
        takedowns: [
          {
            key: 'x-1',
            platform: 'x',
            url: 'https://x.com/judi/1',
            requestedAt: '2026-11-29T02:31:00.000Z',
            result: 'removed',
            finishedAt: '2026-11-29T03:31:00.000Z',
          },
        ],
      }),
      fact({
        caseId: 'case-00000000000000000002',
        region: 'tapin',
        source: 'public_complaint',
        category: 'hoax',
        url: 'https://www.tiktok.com/@a/video/1',
        clarification: {
          pillar: 'digital_culture',
          title: '[HOAKS] Bendungan jebol',
          label: 'HOAKS',
          publishedAt: '2026-11-29T05:00:00.000Z',
          urls: ['https://diskominfo.kalselprov.go.id/klarifikasi/1'],
        },
      }),
    ];
    report = Report.parse(computeReport(request, facts, new Date('2026-11-29T18:00:00.000Z')));
    sor = statementsOfReasons(request, facts);
    reviews = claimReviews(request, facts);
    await env.reportArchive.putOnce(reportKeys.json(request), encoder.encode(JSON.stringify(report)));
    await env.reportArchive.putOnce(reportKeys.csv(request), encoder.encode(reportToCsv(report)));
    await env.reportArchive.putOnce(
      reportKeys.statementsOfReasons(request),
      encoder.encode(JSON.stringify(sor)),
    );
    await env.reportArchive.putOnce(
      reportKeys.claimReviews(request),
      encoder.encode(JSON.stringify(reviews)),
    );
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('serves the stored report to supervisors and auditors as JSON and CSV, and lists its period', async () => {
    for (const who of ['supervisor', 'auditor'] as const) {
      const answer = await env.as(who).get('/api/reports/daily/2026-11-29');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(report);
    }
    const csv = await fetch(`${env.baseUrl}/api/reports/daily/2026-11-29?format=csv`, {
      headers: { authorization: `Bearer ${env.tokens.auditor}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toBe(reportToCsv(report));
    expect((await env.as('supervisor').get('/api/reports/daily')).body).toEqual({
      kind: 'daily',
      periods: ['2026-11-29'],
    });
  });

  it('refuses other roles, names a period that does not fit its kind, and says when a report is not there', async () => {
    const refused = await env
      .as('verifier')
      .get<{ error: { code: string; message: string } }>('/api/reports/daily/2026-11-29');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Allowed roles: supervisor, auditor/);
    const wrongShape = await env
      .as('auditor')
      .get<{ error: { message: string } }>('/api/reports/monthly/2026-11-29');
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.error.message).toMatch(/YYYY-MM/);
    const missing = await env.as('auditor').get<{ error: { code: string } }>('/api/reports/daily/2026-11-28');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('report_not_found');
    expect((await env.as('auditor').get('/api/reports/weekly')).status).toBe(400);
  });

  it('saring report prints a summary, the JSON or the CSV, and refuses a bad period before calling', async () => {
    const summary = await saring(env, 'auditor', ['report', 'daily', '2026-11-29']);
    expect(summary).toMatchObject({ code: 0 });
    expect(summary.stdout).toContain('cases opened 2, closed 0');
    expect(summary.stdout).toMatch(/time to verdict: p50 30 min/);
    const csv = await saring(env, 'supervisor', ['report', 'daily', '2026-11-29', '--format', 'csv']);
    expect(csv.stdout.trimEnd()).toBe(reportToCsv(report).trimEnd());
    const json = await saring(env, 'supervisor', ['report', 'daily', '2026-11-29', '--format', 'json']);
    expect(Report.parse(JSON.parse(json.stdout))).toEqual(report);
    const bad = await saring(env, 'auditor', ['report', 'monthly', '2026-13']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a monthly period: give YYYY-MM/);
    const refused = await saring(env, 'verifier', ['report', 'daily', '2026-11-29']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/supervisor, auditor/);
  });

  it('downloads the transparency exports through the API and saring transparency', async () => {
    const answer = await env.as('auditor').get('/api/reports/daily/2026-11-29/statements-of-reasons');
    expect(answer.status).toBe(200);
    expect(StatementsOfReasonsExport.parse(answer.body)).toEqual(sor);
    expect(sor.statements).toEqual([
      expect.objectContaining({ platform_name: 'X', puid: 'https://x.com/judi/1' }),
    ]);
    const cli = await saring(env, 'supervisor', ['transparency', 'claim-reviews', 'daily', '2026-11-29']);
    expect(cli.code).toBe(0);
    expect(ClaimReviewDocument.parse(JSON.parse(cli.stdout))).toEqual(reviews);
    expect(reviews['@graph']).toEqual([expect.objectContaining({ claimReviewed: 'Bendungan jebol' })]);
    const missing = await saring(env, 'auditor', [
      'transparency',
      'statements-of-reasons',
      'monthly',
      '2026-10',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no monthly report for 2026-10 yet/);
    expect((await env.as('verifier').get('/api/reports/daily/2026-11-29/claim-reviews')).status).toBe(403);
  });
});
