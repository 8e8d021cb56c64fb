import { z } from 'zod';
import { AddNoteInput, PRIORITIES } from '../../domain';
import { caseListQuery, type CaseSummary } from '../../cases/case-client';
import {
  HISTORY_PAYLOAD_FORM,
  HISTORY_PAYLOADS_HEADER,
  HISTORY_SCHEMAS,
  historyEnvelope,
  historySha256,
} from '../../lib/history/history-envelope';
import { CASE_READER_ROLES, HISTORY_ROLES, NOTE_ROLES_REFUSAL } from '../access';
import type { ApiDeps } from '../api-deps';
import { AvailableAction, availableActions } from '../available-actions';
import { CaseListFilters, toCaseFilter } from '../case-filters';
import { officerGuard, officerOf } from '../officer-guard';
import { BEARER } from '../openapi';
import { CaseIdParams, CaseStateBody, DeadlinesBody, TimelineBody, withErrors } from '../route-schemas';
import type { ZodApp } from '../server';
import { refuseActor } from './refuse-actor';
import { withTimelineTexts } from '../timeline-with-texts';

/** One row of a case list, from the case's search attributes (cases/case-client.ts CaseSummary). */
const CaseSummaryBody = z
  .object({
    caseId: z.string(),
    runId: z.string(),
    executionStatus: z.string().meta({ description: "Temporal's execution status: RUNNING, COMPLETED..." }),
    status: z.string().optional().meta({ description: 'The case stage' }),
    category: z.string().optional(),
    priority: z.string().optional(),
    region: z.string().optional(),
    assignee: z.string().optional(),
    platforms: z.array(z.string()),
    nextDeadline: z.string().optional(),
    slaBreached: z.boolean(),
    detectionCount: z.number().int(),
    openedAt: z.string(),
    closedAt: z.string().optional(),
  })
  .meta({ id: 'CaseSummary' }) satisfies z.ZodType<CaseSummary>;

const HistoryQuery = z.strictObject({
  runId: z.uuid().optional(),
  /** raw: exactly the bytes the digest covers; envelope (default): JSON with the digest and the run's details. */
  format: z.enum(['envelope', 'raw']).default('envelope'),
});

const HistoryBody = z.looseObject({}).meta({
  description:
    'format=envelope: { schema, payloads: "encoded", caseId, runId, ..., sha256, exportedAt, history } with Temporal\'s history JSON cut in as it is; format=raw: that history JSON alone. The header x-saring-history-sha256 is the SHA-256 of the history bytes. Payloads are in their encoded form (encrypted by the payload codec; x-saring-history-payloads: encoded): decode them through /api/codec.',
});

const NoteBody = AddNoteInput.omit({ actor: true });

const PRIORITY_RANK = Object.fromEntries(PRIORITIES.map((priority, index) => [priority, index])) as Record<
  string,
  number
>;

/** Queue order: breached first, then urgent before normal, then the nearest deadline, then the oldest. */
function queueOrder(a: CaseSummary, b: CaseSummary): number {
  return (
    Number(b.slaBreached) - Number(a.slaBreached) ||
    (PRIORITY_RANK[a.priority ?? 'normal'] ?? 9) - (PRIORITY_RANK[b.priority ?? 'normal'] ?? 9) ||
    (a.nextDeadline ?? '9999').localeCompare(b.nextDeadline ?? '9999') ||
    a.openedAt.localeCompare(b.openedAt)
  );
}

/** Reading cases (lists, state, deadlines, timeline, available steps, history) and notes. */
export function registerCaseRoutes(app: ZodApp, deps: ApiDeps): void {
  const { cases } = deps;
  const readers = officerGuard(deps, { roles: CASE_READER_ROLES, what: 'read cases', audit: 'read' });
  const tags = ['cases'];

  app.get(
    '/api/cases',
    {
      onRequest: readers,
      config: { inputs: { querystring: 'case list filters' } },
      schema: {
        summary: 'List cases (queue order), filtered by search attributes',
        tags,
        security: BEARER,
        querystring: CaseListFilters,
        response: withErrors({
          200: z.object({
            query: z.string().meta({ description: 'The visibility query that was run' }),
            cases: z.array(CaseSummaryBody),
          }),
        }),
      },
    },
    async (request) => {
      const { limit, ...filters } = request.query;
      const filter = toCaseFilter(filters);
      const rows = await cases.listCases(filter, limit);
      return { query: caseListQuery(filter), cases: rows.sort(queueOrder) };
    },
  );

  const caseSchema = <R extends z.ZodType>(summary: string, body: R) => ({
    summary,
    tags,
    security: BEARER,
    params: CaseIdParams,
    response: withErrors({ 200: body }),
  });

  app.get(
    '/api/cases/:caseId',
    { onRequest: readers, schema: caseSchema('The case state', CaseStateBody) },
    async (request) => cases.getState(request.params.caseId),
  );

  app.get(
    '/api/cases/:caseId/deadlines',
    { onRequest: readers, schema: caseSchema("The case's open deadlines", DeadlinesBody) },
    async (request) => ({ deadlines: await cases.getOpenDeadlines(request.params.caseId) }),
  );

  app.get(
    '/api/cases/:caseId/timeline',
    { onRequest: readers, schema: caseSchema("The case's timeline", TimelineBody) },
    async (request) => ({
      timeline: (await cases.getTimeline(request.params.caseId)).map(withTimelineTexts),
    }),
  );

  app.get(
    '/api/cases/:caseId/actions',
    {
      onRequest: readers,
      schema: caseSchema(
        'The steps the token holder may take now',
        z.object({ stage: z.string(), actions: z.array(AvailableAction) }),
      ),
    },
    async (request) => {
      const state = await cases.getState(request.params.caseId);
      return { stage: state.stage, actions: availableActions(state, officerOf(request)) };
    },
  );

  app.post(
    '/api/cases/:caseId/notes',
    {
      onRequest: officerGuard(deps, NOTE_ROLES_REFUSAL),
      preValidation: refuseActor,
      config: { inputs: { body: 'note' } },
      schema: {
        summary: 'Add a note to the case (a signal: it shows on the timeline once applied)',
        tags: ['case steps'],
        security: BEARER,
        params: CaseIdParams,
        body: NoteBody,
        response: withErrors({ 202: z.object({ accepted: z.literal(true), caseId: z.string() }) }),
      },
    },
    async (request, reply) => {
      const officer = officerOf(request);
      const { caseId } = request.params;
      await cases.addNote(caseId, {
        actor: { officerId: officer.officerId, role: officer.role },
        text: request.body.text,
      });
      // A signal: the note is on the case's history; the timeline shows it once the worker has applied it.
      return reply.code(202).send({ accepted: true, caseId });
    },
  );

  app.get(
    '/api/cases/:caseId/history',
    {
      onRequest: officerGuard(deps, { roles: HISTORY_ROLES, what: 'export case histories', audit: 'export' }),
      config: { inputs: { querystring: 'history query' } },
      schema: {
        summary: "Export a run's event history with its SHA-256 (auditors and supervisors)",
        tags,
        security: BEARER,
        params: CaseIdParams,
        querystring: HistoryQuery,
        response: withErrors({ 200: HistoryBody }),
      },
    },
    async (request, reply) => {
      const { runId, format } = request.query;
      const history = await cases.fetchHistory(request.params.caseId, runId);
      const sha256 = historySha256(history.historyJson);
      void reply
        .type('application/json; charset=utf-8')
        .header('x-saring-history-sha256', sha256)
        .header('x-saring-run-id', history.runId)
        .header(HISTORY_PAYLOADS_HEADER, HISTORY_PAYLOAD_FORM);
      // Sent as JSON text (typed `never` for the object schema): the bytes must stay Temporal's own,
      // and Fastify hands a string with a JSON content type over as it is, past any serializer.
      if (format === 'raw') {
        return reply
          .header(
            'content-disposition',
            `attachment; filename="${history.workflowId}-${history.runId}.history.json"`,
          )
          .send(history.historyJson as never);
      }
      const { workflowId, historyJson, ...run } = history;
      const header = { caseId: workflowId, ...run, sha256, exportedAt: new Date().toISOString() };
      return reply.send(historyEnvelope(HISTORY_SCHEMAS.export, header, historyJson) as never);
    },
  );
}
