import { z } from 'zod';
import {
  AddNoteInput,
  CASE_UPDATE_NAMES,
  CASE_UPDATE_SCHEMAS,
  PRIORITIES,
  type CaseUpdateName,
} from '../../domain';
import { CASE_ID } from '../../cases/case-id';
import {
  CASE_READER_ROLES,
  HISTORY_ROLES,
  requireCaseOfficer,
  requireNoteRole,
  requireRole,
} from '../access';
import type { ApiDeps } from '../api-deps';
import { authenticate } from '../auth';
import { availableActions } from '../available-actions';
import { CaseListFilters, toCaseFilter } from '../case-filters';
import { caseListQuery, type CaseSummary } from '../../cases/case-client';
import { CaseNotFoundError } from '../../cases/case-errors';
import { HISTORY_SCHEMAS, historyEnvelope, historySha256 } from '../../lib/history/history-envelope';
import {
  HttpError,
  parseOr400,
  queryObject,
  readJsonBody,
  sendJson,
  sendRawJson,
  type RouteParams,
  type Router,
} from '../http-kit';

function caseIdOf(params: RouteParams): string {
  const caseId = params.caseId!;
  if (!CASE_ID.test(caseId)) throw new CaseNotFoundError(caseId);
  return caseId;
}

function updateNameOf(params: RouteParams): CaseUpdateName {
  const name = params.updateName!;
  if (!(CASE_UPDATE_NAMES as string[]).includes(name)) {
    throw new HttpError(
      404,
      'unknown_step',
      `There is no case step ${JSON.stringify(name)}. Steps: ${CASE_UPDATE_NAMES.join(', ')}.`,
    );
  }
  return name as CaseUpdateName;
}

/** A step's payload as callers send it: the domain schema without `actor` (still strict: unknown fields refused). */
function stepBody(name: CaseUpdateName): z.ZodType<Record<string, unknown>> {
  return (CASE_UPDATE_SCHEMAS[name] as unknown as z.ZodObject).omit({ actor: true });
}

/** The body must not say who is acting: the token does. */
function refuseActor(body: unknown): void {
  if (typeof body === 'object' && body !== null && 'actor' in body) {
    throw new HttpError(
      400,
      'invalid_input',
      'Do not send "actor": the API sets it from your token. Remove it and send again; nothing was changed.',
    );
  }
}

const HistoryQuery = z.strictObject({
  runId: z.uuid().optional(),
  /** raw: exactly the bytes the digest covers; envelope (default): JSON with the digest and the run's details. */
  format: z.enum(['envelope', 'raw']).default('envelope'),
});

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

export function registerCaseRoutes(router: Router, deps: ApiDeps): void {
  const { cases, officers } = deps;

  router.on('GET', '/api/cases', async (req, res, _params, url) => {
    requireRole(authenticate(req, officers), CASE_READER_ROLES, 'read cases');
    const { limit, ...filters } = parseOr400(CaseListFilters, queryObject(url), 'case list filters');
    const filter = toCaseFilter(filters);
    const rows = await cases.listCases(filter, limit);
    const query = caseListQuery(filter);
    sendJson(res, 200, { query, cases: rows.sort(queueOrder) });
  });

  router.on('GET', '/api/cases/:caseId', async (req, res, params) => {
    requireRole(authenticate(req, officers), CASE_READER_ROLES, 'read cases');
    sendJson(res, 200, await cases.getState(caseIdOf(params)));
  });

  router.on('GET', '/api/cases/:caseId/deadlines', async (req, res, params) => {
    requireRole(authenticate(req, officers), CASE_READER_ROLES, 'read cases');
    sendJson(res, 200, { deadlines: await cases.getOpenDeadlines(caseIdOf(params)) });
  });

  router.on('GET', '/api/cases/:caseId/timeline', async (req, res, params) => {
    requireRole(authenticate(req, officers), CASE_READER_ROLES, 'read cases');
    sendJson(res, 200, { timeline: await cases.getTimeline(caseIdOf(params)) });
  });

  router.on('GET', '/api/cases/:caseId/actions', async (req, res, params) => {
    const officer = authenticate(req, officers);
    requireRole(officer, CASE_READER_ROLES, 'read cases');
    const state = await cases.getState(caseIdOf(params));
    sendJson(res, 200, { stage: state.stage, actions: availableActions(state, officer) });
  });

  router.on('POST', '/api/cases/:caseId/actions/:updateName', async (req, res, params) => {
    const officer = authenticate(req, officers);
    const caseId = caseIdOf(params);
    const name = updateNameOf(params);
    requireCaseOfficer(officer, name);
    const body = await readJsonBody(req);
    refuseActor(body);
    const input = parseOr400(stepBody(name), body, `${name} payload`);
    // The update answers with a small result; the console and the CLI expect the case state after it.
    const state = await cases.updateAndRead(caseId, name, {
      ...input,
      actor: { officerId: officer.officerId, role: officer.role },
    });
    sendJson(res, 200, state);
  });

  router.on('POST', '/api/cases/:caseId/notes', async (req, res, params) => {
    const officer = authenticate(req, officers);
    const caseId = caseIdOf(params);
    requireNoteRole(officer);
    const body = await readJsonBody(req);
    refuseActor(body);
    const { text } = parseOr400(AddNoteInput.omit({ actor: true }), body, 'note');
    await cases.addNote(caseId, { actor: { officerId: officer.officerId, role: officer.role }, text });
    // A signal: the note is on the case's history; the timeline shows it once the worker has applied it.
    sendJson(res, 202, { accepted: true, caseId });
  });

  router.on('GET', '/api/cases/:caseId/history', async (req, res, params, url) => {
    requireRole(authenticate(req, officers), HISTORY_ROLES, 'export case histories');
    const { runId, format } = parseOr400(HistoryQuery, queryObject(url), 'history query');
    const history = await cases.fetchHistory(caseIdOf(params), runId);
    const sha256 = historySha256(history.historyJson);
    const headers = { 'x-saring-history-sha256': sha256, 'x-saring-run-id': history.runId };
    if (format === 'raw') {
      sendRawJson(res, 200, history.historyJson, {
        ...headers,
        'content-disposition': `attachment; filename="${history.workflowId}-${history.runId}.history.json"`,
      });
    } else {
      const { workflowId, historyJson, ...run } = history;
      const header = { caseId: workflowId, ...run, sha256, exportedAt: new Date().toISOString() };
      sendRawJson(res, 200, historyEnvelope(HISTORY_SCHEMAS.export, header, historyJson), headers);
    }
  });
}
