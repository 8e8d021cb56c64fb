import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import {
  Detection,
  MAX_DETECTIONS_PER_SIGNAL,
  describeIssues,
  startSearchAttributes,
  type CasePolicy,
  type ContentCaseInput,
  type DetectionInput,
} from '../domain';
import { canonicalizeUrl, InvalidUrlError } from '../lib/url/canonicalize';
import { loadDefaultPolicy } from '../policy';
import type { ContentCaseWorkflowV2 } from '../workflows';
import { caseSignals } from '../workflows/messages';
import { CASE_WORKFLOW_TASK_TIMEOUT } from '../workflows/case/workflow-task-timeout';
import { sha256Hex } from '../lib/sha256';
import { caseBaseId, caseWorkflowId } from './case-id';
import { CaseSignalLimitError, InvalidCaseInput, isSignalLimitRefusal } from './case-errors';
import { CASE_WORKFLOW_TYPE } from '../domain/case-workflow-types';

function canonicalUrlOf(raw: string): ReturnType<typeof canonicalizeUrl> {
  try {
    return canonicalizeUrl(raw);
  } catch (error) {
    if (error instanceof InvalidUrlError) throw new InvalidCaseInput(`url: ${error.message}`);
    throw error;
  }
}

/** Texts longer than this travel in full once, with the case's start; each detection signal carries this much and the digest. */
export const SIGNAL_TEXT_CHARS = 280;

export interface SubmitDetectionOptions {
  client: Client;
  taskQueue: string;
  /** The policy new cases start with; the shipped default when omitted. */
  policy?: CasePolicy;
  /**
   * Highest generation seen per base id. Generations only grow (n+1 exists only once n closed), so
   * starting from a remembered one is safe and saves a round trip per closed generation.
   */
  generationCache?: Map<string, number>;
}

export interface SubmittedDetection {
  caseId: string;
  generation: number;
  /** The run that received the detection (new or already open). */
  runId: string;
}

const MAX_GENERATIONS = 9999;
let defaultPolicy: CasePolicy | undefined;

/** A detection checked and shaped for its signal, with the case it belongs to. */
export interface PreparedDetection {
  baseId: string;
  /** What the signal carries: the URL canonical, the text cut to SIGNAL_TEXT_CHARS with its digest. */
  signal: DetectionInput;
  /** The full text when it was cut: it travels once, with the case's start. */
  fullText?: string;
}

/** Parses a detection (InvalidCaseInput when it is bad) and finds its case. */
export function prepareDetection(raw: DetectionInput): PreparedDetection {
  const parsed = Detection.safeParse(raw);
  if (!parsed.success) throw new InvalidCaseInput(`invalid detection: ${describeIssues(parsed.error)}`);
  const detection = { ...parsed.data };
  if (detection.url) {
    const canonical = canonicalUrlOf(detection.url);
    detection.url = canonical.url;
    detection.platform ??= canonical.platform;
  }
  const baseId = caseBaseId({
    canonicalUrl: detection.url,
    contentSha256: detection.contentSha256,
    text: detection.text,
  });
  // Repeat detections of a viral item must not each carry its full text into the case's history.
  const fullText = detection.text;
  if (fullText && fullText.length > SIGNAL_TEXT_CHARS) {
    detection.text = fullText.slice(0, SIGNAL_TEXT_CHARS);
    detection.textSha256 = sha256Hex(fullText);
  }
  return { baseId, signal: detection, ...(fullText !== detection.text ? { fullText } : {}) };
}

/**
 * Delivers a detection to its case, opening the case if needed, atomically (signalWithStart):
 * - no case yet for the content: a new case `case-<hash>` starts and receives the detection;
 * - the case is open: the detection is signalled to it and counted (however many arrive at once);
 * - the case is closed: the id is not reused (WorkflowIdReusePolicy REJECT_DUPLICATE), so the
 *   detection opens the next generation `case-<hash>.<n+1>`, whose input links the closed case.
 * Two submitters racing on a closed case both land on the same new generation: signalWithStart
 * starts it once and signals it for the other.
 * Update-with-start (executeUpdateWithStart, SDK 1.24) would give the sender an answer (counted or
 * duplicate) but costs two history events per detection instead of one; crawlers send thousands of
 * repeats of a viral item, so intake stays on signals and de-duplicates by `detectionId` in the case.
 */
export async function submitDetection(
  options: SubmitDetectionOptions,
  raw: DetectionInput,
): Promise<SubmittedDetection> {
  return deliverDetections(options, [prepareDetection(raw)]);
}

/**
 * Delivers detections of one case (same baseId, at most MAX_DETECTIONS_PER_SIGNAL) in one signal: the
 * `detection` signal for one, `detections` for several. The first one opens the case if needed.
 */
export async function deliverDetections(
  options: SubmitDetectionOptions,
  prepared: readonly PreparedDetection[],
): Promise<SubmittedDetection> {
  const [first] = prepared;
  if (
    !first ||
    prepared.length > MAX_DETECTIONS_PER_SIGNAL ||
    prepared.some((p) => p.baseId !== first.baseId)
  )
    throw new Error(`deliverDetections takes 1 to ${MAX_DETECTIONS_PER_SIGNAL} detections of one case`);
  const { baseId } = first;
  // The rules travel in every case's history; the notes are for reviewers of the file, found by its version.
  const { notes: _forReviewers, ...rules } = options.policy ?? (defaultPolicy ??= loadDefaultPolicy());
  const policy: CasePolicy = { ...rules, notes: [] };

  for (
    let generation = options.generationCache?.get(baseId) ?? 1;
    generation <= MAX_GENERATIONS;
    generation += 1
  ) {
    const caseId = caseWorkflowId(baseId, generation);
    const input: ContentCaseInput = {
      caseId,
      generation,
      policy,
      ...(first.fullText ? { firstText: first.fullText } : {}),
      ...(generation > 1
        ? { previousCase: { caseId: caseWorkflowId(baseId, generation - 1), generation: generation - 1 } }
        : {}),
    };
    const start = {
      workflowId: caseId,
      taskQueue: options.taskQueue,
      args: [input] as [ContentCaseInput],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      workflowTaskTimeout: CASE_WORKFLOW_TASK_TIMEOUT,
      // Used only when this call starts the case: listed in intake at once, whether a worker runs or not.
      typedSearchAttributes: startSearchAttributes(Detection.parse(first.signal), prepared.length),
    };
    try {
      const handle =
        prepared.length === 1
          ? await options.client.workflow.signalWithStart<typeof ContentCaseWorkflowV2, [DetectionInput]>(
              CASE_WORKFLOW_TYPE,
              { ...start, signal: caseSignals.detection, signalArgs: [first.signal] },
            )
          : await options.client.workflow.signalWithStart<typeof ContentCaseWorkflowV2, [DetectionInput[]]>(
              CASE_WORKFLOW_TYPE,
              { ...start, signal: caseSignals.detections, signalArgs: [prepared.map((p) => p.signal)] },
            );
      options.generationCache?.set(baseId, generation);
      return { caseId, generation, runId: handle.signaledRunId };
    } catch (error) {
      if (isSignalLimitRefusal(error)) throw new CaseSignalLimitError(caseId);
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      // This generation is closed: the detections belong to the next one.
    }
  }
  throw new Error(`more than ${MAX_GENERATIONS} generations for ${baseId}`);
}
