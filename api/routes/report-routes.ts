import { z } from 'zod';
import {
  ClaimReviewDocument,
  REPORT_KINDS,
  Report,
  ReportKind,
  ReportRequest,
  StatementsOfReasonsExport,
} from '../../domain';
import { REPORT_ROLES } from '../access';
import type { ApiDeps } from '../api-deps';
import { HttpError } from '../http-error';
import { officerGuard } from '../officer-guard';
import { BEARER } from '../openapi';
import { withErrors } from '../route-schemas';
import type { ZodApp } from '../server';

const tags = ['reports'];
const KindParams = z.object({ kind: ReportKind.meta({ description: 'daily or monthly' }) });
const ReportParams = z.object({
  kind: ReportKind,
  period: z
    .string()
    .meta({ description: 'YYYY-MM-DD for daily, YYYY-MM for monthly (WITA)', examples: ['2026-11-29'] }),
});
const FormatQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });
const ReportBody = Report.meta({ id: 'Report' });

/** Parses kind and period together: the period's shape depends on the kind. */
export function parseReportRequest(params: { kind: string; period: string }): ReportRequest {
  const parsed = ReportRequest.safeParse(params);
  if (!parsed.success)
    throw new HttpError(
      400,
      'invalid_input',
      `period ${JSON.stringify(params.period)} does not fit a ${params.kind} report: give ${params.kind === 'daily' ? 'YYYY-MM-DD' : 'YYYY-MM'}`,
      [{ path: 'period', message: parsed.error.issues[0]?.message ?? 'invalid' }],
    );
  return parsed.data;
}

/** The unit's daily and monthly reports, as the scheduled report workflow stored them (docs/reports.md). */
export function registerReportRoutes(app: ZodApp, deps: ApiDeps): void {
  const guard = officerGuard(deps, { roles: REPORT_ROLES, what: 'read the unit reports' });
  app.get(
    '/api/reports/:kind',
    {
      onRequest: guard,
      schema: {
        summary: 'Periods with a stored report, newest first (supervisors and auditors)',
        tags,
        security: BEARER,
        params: KindParams,
        response: withErrors({ 200: z.object({ kind: z.enum(REPORT_KINDS), periods: z.array(z.string()) }) }),
      },
    },
    async (request) => ({
      kind: request.params.kind,
      periods: await deps.reports.periods(request.params.kind),
    }),
  );
  app.get(
    '/api/reports/:kind/:period',
    {
      onRequest: guard,
      schema: {
        summary: 'One report as JSON, or as CSV with format=csv (supervisors and auditors)',
        tags,
        security: BEARER,
        params: ReportParams,
        querystring: FormatQuery,
        response: withErrors({
          200: ReportBody.meta({
            description: 'format=json; format=csv answers text/csv (section,group,key,metric,value)',
          }),
        }),
      },
    },
    async (request, reply) => {
      const report = parseReportRequest(request.params);
      const missing = () => notStored(report);
      if (request.query.format === 'csv') {
        const csv = await deps.reports.csv(report);
        if (csv === undefined) throw missing();
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="saring-${report.kind}-${report.period}.csv"`)
          .send(csv as never);
      }
      const json = await deps.reports.json(report);
      if (!json) throw missing();
      return json;
    },
  );
  app.get(
    '/api/reports/:kind/:period/statements-of-reasons',
    {
      onRequest: guard,
      schema: {
        summary:
          'Statements of reasons shaped like the EU DSA Transparency Database, one per takedown order in the period',
        tags,
        security: BEARER,
        params: ReportParams,
        response: withErrors({ 200: StatementsOfReasonsExport.meta({ id: 'StatementsOfReasonsExport' }) }),
      },
    },
    async (request, reply) => {
      const report = parseReportRequest(request.params);
      const found = await deps.reports.statementsOfReasons(report);
      if (!found) throw notStored(report);
      return reply
        .header(
          'content-disposition',
          `attachment; filename="saring-sor-${report.kind}-${report.period}.json"`,
        )
        .send(found);
    },
  );
  app.get(
    '/api/reports/:kind/:period/claim-reviews',
    {
      onRequest: guard,
      schema: {
        summary: 'Published hoax clarifications of the period as schema.org ClaimReview JSON-LD',
        tags,
        security: BEARER,
        params: ReportParams,
        response: withErrors({ 200: ClaimReviewDocument.meta({ id: 'ClaimReviewDocument' }) }),
      },
    },
    async (request, reply) => {
      const report = parseReportRequest(request.params);
      const found = await deps.reports.claimReviews(report);
      if (!found) throw notStored(report);
      return reply
        .header(
          'content-disposition',
          `attachment; filename="saring-claimreview-${report.kind}-${report.period}.jsonld"`,
        )
        .send(found);
    },
  );
}

function notStored(report: ReportRequest): HttpError {
  return new HttpError(
    404,
    'report_not_found',
    `no ${report.kind} report for ${report.period} yet: the Schedule writes it (and its exports) after the period ends (GET /api/reports/${report.kind} lists those there are)`,
  );
}
