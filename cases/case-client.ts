import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowExecutionInfo,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  CASE_SEARCH_ATTRIBUTES as SA,
  CommandErrorCode,
  type AddNoteCommand,
  type CaseOutcome,
  type CaseStage,
  type CaseState,
  type CaseUpdateInput,
  type CaseUpdateName,
  type CaseUpdateResult,
  type Category,
  type Deadline,
  type DetectionInput,
  type Platform,
  type Priority,
  type Region,
  type TimelineEntry,
} from '../domain';
import type { ContentCaseWorkflow } from '../workflows';
import { caseQueries, caseSignals, caseUpdates } from '../workflows/messages';
import {
  fetchWorkflowHistory,
  HistoryNotFoundError,
  type WorkflowHistory,
} from '../lib/history/workflow-history';
import { ClosedCaseAnswers } from './closed-case-answers';
import { CaseClosedError, CaseCommandRejectedError, CaseNotFoundError } from './case-errors';
import {
  deliverDetections,
  prepareDetection,
  type SubmitDetectionOptions,
  type SubmittedDetection,
} from './submit-detection';
import { DetectionCoalescer } from './detection-coalescer';
import { IS_CASE_WORKFLOW } from '../domain/case-workflow-types';

export interface CaseUpdateOptions {
  /** Temporal update id: the same id on a retry returns the first result instead of applying the step again. */
  updateId?: string;
}

/** A list filter: each field narrows the list; an array means "any of these". */
export interface CaseFilter {
  stage?: CaseStage | CaseStage[];
  category?: Category | 'uncategorized' | (Category | 'uncategorized')[];
  priority?: Priority | Priority[];
  region?: Region | Region[];
  platform?: Platform;
  /** An officer id, or 'none' for unassigned cases. */
  assignee?: string;
  slaBreached?: boolean;
  /** Cases with an open deadline before this time. */
  nextDeadlineBefore?: Date;
  minDetections?: number;
  /** true: running workflows (open cases) only; false: finished ones only. */
  open?: boolean;
}

/** One row of a case list, from the case's search attributes (no query to the workflow); plain JSON. */
export interface CaseSummary {
  caseId: string;
  runId: string;
  /** Temporal's execution status: Running, Completed, Failed... */
  executionStatus: string;
  /** The case stage (SaringStatus). */
  status?: string;
  category?: string;
  priority?: string;
  region?: string;
  assignee?: string;
  platforms: string[];
  nextDeadline?: string;
  slaBreached: boolean;
  detectionCount: number;
  openedAt: string;
  closedAt?: string;
}

const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function oneOf(attribute: string, value: string | string[]): string {
  const values = Array.isArray(value) ? value : [value];
  return values.length === 1
    ? `${attribute} = ${quote(values[0]!)}`
    : `${attribute} IN (${values.map(quote).join(', ')})`;
}

/**
 * The visibility query for a case list, e.g. `WorkflowType IN (...) AND SaringSlaBreached = true`.
 * The one place case lists are turned into queries: the API and the CLI both come through here.
 */
export function caseListQuery(filter: CaseFilter = {}): string {
  const clauses = [IS_CASE_WORKFLOW];
  if (filter.stage !== undefined) clauses.push(oneOf(SA.status.name, filter.stage));
  if (filter.category) clauses.push(oneOf(SA.category.name, filter.category));
  if (filter.priority) clauses.push(oneOf(SA.priority.name, filter.priority));
  if (filter.region) clauses.push(oneOf(SA.region.name, filter.region));
  if (filter.platform) clauses.push(`${SA.platforms.name} = ${quote(filter.platform)}`);
  if (filter.assignee === 'none') clauses.push(`${SA.assignee.name} IS NULL`);
  else if (filter.assignee) clauses.push(`${SA.assignee.name} = ${quote(filter.assignee)}`);
  if (filter.slaBreached !== undefined) clauses.push(`${SA.slaBreached.name} = ${filter.slaBreached}`);
  if (filter.nextDeadlineBefore)
    clauses.push(`${SA.nextDeadline.name} < ${quote(filter.nextDeadlineBefore.toISOString())}`);
  if (filter.minDetections !== undefined)
    clauses.push(`${SA.detectionCount.name} >= ${Math.floor(filter.minDetections)}`);
  if (filter.open !== undefined)
    clauses.push(filter.open ? `ExecutionStatus = 'Running'` : `ExecutionStatus != 'Running'`);
  return clauses.join(' AND ');
}

function summarize(info: WorkflowExecutionInfo): CaseSummary {
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

/**
 * The one case client (API, local start, bench, tests): intake, officer steps by case id (the new
 * state, or an error from ./case-errors), queries, notes, histories, and case lists from search
 * attributes.
 */
export class CaseClient {
  private readonly closedAnswers = new ClosedCaseAnswers();

  private readonly detections: DetectionCoalescer;

  constructor(
    readonly client: Client,
    submitOptions: Omit<SubmitDetectionOptions, 'client'>,
  ) {
    const options = { ...submitOptions, client };
    this.detections = new DetectionCoalescer((prepared) => deliverDetections(options, prepared));
  }

  /** Delivers a detection to its case (see submitDetection); repeats of a case in flight share a signal. */
  async submitDetection(detection: DetectionInput): Promise<SubmittedDetection> {
    return this.detections.submit(prepareDetection(detection));
  }

  /**
   * Runs an officer step; resolves with what it changed (revision, stage). `updateId` (e.g. the HTTP
   * Idempotency-Key of the officer's action) makes a retry of the same step return the first result
   * instead of applying it twice: Temporal de-duplicates updates by id within a run.
   */
  async update<K extends CaseUpdateName>(
    caseId: string,
    name: K,
    payload: CaseUpdateInput<K>,
    options: CaseUpdateOptions = {},
  ): Promise<CaseUpdateResult> {
    const handle = this.client.workflow.getHandle<typeof ContentCaseWorkflow>(caseId);
    try {
      return await handle.executeUpdate(caseUpdates[name] as (typeof caseUpdates)['assignVerifier'], {
        args: [payload as CaseUpdateInput<'assignVerifier'>],
        ...(options.updateId ? { updateId: options.updateId } : {}),
      });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        const code = CommandErrorCode.safeParse(error.cause.type);
        if (code.success) throw new CaseCommandRejectedError(caseId, name, code.data, error.cause.message);
      }
      throw await this.translateMissing(caseId, error);
    }
  }

  /** Runs an officer step, then reads the case state after it (a query: the update itself returns only a small result). */
  async updateAndRead<K extends CaseUpdateName>(
    caseId: string,
    name: K,
    payload: CaseUpdateInput<K>,
    options: CaseUpdateOptions = {},
  ): Promise<CaseState> {
    await this.update(caseId, name, payload, options);
    return this.getState(caseId);
  }

  /** A note (signal: fire-and-forget; the case drops notes from auditors, admins or with bad payloads). */
  async addNote(caseId: string, note: AddNoteCommand): Promise<void> {
    try {
      await this.client.workflow.getHandle(caseId).signal(caseSignals.addNote, note);
    } catch (error) {
      throw await this.translateMissing(caseId, error);
    }
  }

  getState(caseId: string): Promise<CaseState> {
    return this.query(caseId, 'state', (handle) => handle.query(caseQueries.state));
  }

  getTimeline(caseId: string): Promise<TimelineEntry[]> {
    return this.query(caseId, 'timeline', (handle) => handle.query(caseQueries.timeline));
  }

  getOpenDeadlines(caseId: string): Promise<Deadline[]> {
    return this.query(caseId, 'openDeadlines', (handle) => handle.query(caseQueries.openDeadlines));
  }

  /** The outcome of a case (waits for it to close). */
  async outcome(caseId: string): Promise<CaseOutcome> {
    try {
      return await this.client.workflow.getHandle<typeof ContentCaseWorkflow>(caseId).result();
    } catch (error) {
      throw await this.translateMissing(caseId, error);
    }
  }

  async listCases(filter: CaseFilter = {}, limit = 100): Promise<CaseSummary[]> {
    const cases: CaseSummary[] = [];
    for await (const info of this.client.workflow.list({
      query: caseListQuery(filter),
      pageSize: Math.min(limit, 500),
    })) {
      cases.push(summarize(info));
      if (cases.length >= limit) break;
    }
    return cases;
  }

  async countCases(filter: CaseFilter = {}): Promise<number> {
    return (await this.client.workflow.count(caseListQuery(filter))).count;
  }

  /** A run's history (the latest without `runId`), in the one encoding exports and archives share. */
  async fetchHistory(caseId: string, runId?: string): Promise<WorkflowHistory> {
    try {
      return await fetchWorkflowHistory(this.client, caseId, runId);
    } catch (error) {
      if (error instanceof HistoryNotFoundError) throw new CaseNotFoundError(caseId);
      throw error;
    }
  }

  /** Is Temporal reachable? For the API's readiness and status. */
  async ping(): Promise<void> {
    await this.client.workflowService.getSystemInfo({});
  }

  /** A running case is asked directly; a closed run's answers come from `closedAnswers` (closed-case-answers.ts). */
  private async query<T>(
    caseId: string,
    queryName: string,
    ask: (handle: WorkflowHandle) => Promise<T>,
  ): Promise<T> {
    try {
      const closedRunId = await this.closedRunOf(caseId);
      if (closedRunId === undefined) return await ask(this.client.workflow.getHandle(caseId));
      return await this.closedAnswers.answer(closedRunId, queryName, () =>
        ask(this.client.workflow.getHandle(caseId, closedRunId)),
      );
    } catch (error) {
      throw await this.translateMissing(caseId, error, true);
    }
  }

  /**
   * The run id when the case's latest run has closed. Asked each time (the server answers, no worker),
   * not remembered: a `temporal workflow reset` would start a new run under the same case id.
   */
  private async closedRunOf(caseId: string): Promise<string | undefined> {
    const description = await this.client.workflow.getHandle(caseId).describe();
    return description.status.name === 'RUNNING' ? undefined : description.runId;
  }

  /** WorkflowNotFoundError covers both "never existed" and "closed": describe tells them apart. */
  private async translateMissing(caseId: string, error: unknown, queryOnly = false): Promise<unknown> {
    if (!(error instanceof WorkflowNotFoundError)) return error;
    try {
      const description = await this.client.workflow.getHandle(caseId).describe();
      return queryOnly ? error : new CaseClosedError(caseId, description.status.name);
    } catch (describeError) {
      return describeError instanceof WorkflowNotFoundError ? new CaseNotFoundError(caseId) : error;
    }
  }
}
