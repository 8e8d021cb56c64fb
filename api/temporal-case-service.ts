import { WorkflowNotFoundError, type Client, type WorkflowExecutionInfo } from '@temporalio/client';
import { CASE_SEARCH_ATTRIBUTES as SA, CommandErrorCode, type CasePolicy } from '../domain';
import { canonicalizeUrl, InvalidUrlError } from '../activities/url/canonicalize';
import * as intake from '../intake/case-client';
import { InvalidDetectionError } from '../intake/submit-detection';
import {
  CaseClosedError,
  CaseCommandRefused,
  CaseNotFoundError,
  InvalidCaseInput,
  type CaseService,
  type CaseSummary,
} from './case-service';
import { historyToJson } from './history-json';

export interface TemporalCaseServiceOptions {
  client: Client;
  taskQueue: string;
  /** Policy for new cases; the shipped default when omitted. */
  policy?: CasePolicy;
}

/** The intake client's errors in the API's terms (one place, so routes only know api/case-service.ts). */
function translate(error: unknown): never {
  if (error instanceof intake.CaseCommandRejectedError) {
    const code = CommandErrorCode.safeParse(error.code);
    if (code.success) throw new CaseCommandRefused(code.data, error.message);
  }
  if (error instanceof intake.CaseNotFoundError) throw new CaseNotFoundError(error.caseId);
  if (error instanceof intake.CaseClosedError) throw new CaseClosedError(error.caseId);
  if (error instanceof InvalidDetectionError) throw new InvalidCaseInput(error.message);
  if (error instanceof InvalidUrlError) throw new InvalidCaseInput(`url: ${error.message}`);
  throw error;
}

/**
 * CaseService on Temporal: intake, steps, notes and reads through the workflow engineer's CaseClient;
 * lists through the API's own sanitized visibility query (api/case-filters.ts: several values per
 * filter, unassigned cases); histories as Temporal's JSON (api/history-json.ts), the form the
 * archive activity writes, so an export and an archive of the same run can be compared byte for byte.
 */
export function temporalCaseService(options: TemporalCaseServiceOptions): CaseService {
  const { client } = options;
  const cases = new intake.CaseClient(client, {
    taskQueue: options.taskQueue,
    canonicalize: canonicalizeUrl,
    generationCache: new Map(),
    ...(options.policy ? { policy: options.policy } : {}),
  });

  return {
    submitDetection: (detection) =>
      cases.submitDetection(detection).then(({ caseId }) => ({ caseId }), translate),
    getState: (caseId) => cases.getState(caseId).catch(translate),
    getTimeline: (caseId) => cases.getTimeline(caseId).catch(translate),
    getDeadlines: (caseId) => cases.getOpenDeadlines(caseId).catch(translate),
    executeUpdate: (caseId, name, payload) => cases.updateAndRead(caseId, name, payload).catch(translate),
    addNote: (caseId, note) => cases.addNote(caseId, note).catch(translate),

    async listCases(query, limit) {
      const rows: CaseSummary[] = [];
      for await (const info of client.workflow.list({ query, pageSize: Math.min(limit, 500) })) {
        rows.push(caseSummary(info));
        if (rows.length >= limit) break;
      }
      return rows;
    },

    async fetchHistory(caseId, runId) {
      const handle = client.workflow.getHandle(caseId, runId);
      try {
        const description = await handle.describe();
        const history = await handle.fetchHistory();
        return {
          caseId,
          runId: description.runId,
          workflowType: description.type,
          status: description.status.name,
          eventCount: history.events?.length ?? 0,
          historyJson: historyToJson(history),
        };
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) throw new CaseNotFoundError(caseId);
        throw error;
      }
    },

    async ping() {
      await client.workflowService.getSystemInfo({});
    },
  };
}

function caseSummary(info: WorkflowExecutionInfo): CaseSummary {
  const attributes = info.typedSearchAttributes;
  const optional: Partial<CaseSummary> = {
    status: attributes.get(SA.status),
    category: attributes.get(SA.category),
    priority: attributes.get(SA.priority),
    region: attributes.get(SA.region),
    assignee: attributes.get(SA.assignee),
    nextDeadline: attributes.get(SA.nextDeadline)?.toISOString(),
    closedAt: info.closeTime?.toISOString(),
  };
  return {
    caseId: info.workflowId,
    runId: info.runId,
    executionStatus: info.status.name,
    platforms: attributes.get(SA.platforms) ?? [],
    slaBreached: attributes.get(SA.slaBreached) ?? false,
    detectionCount: attributes.get(SA.detectionCount) ?? 0,
    openedAt: info.startTime.toISOString(),
    // Absent attributes stay absent in the JSON rather than appearing as null.
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}
