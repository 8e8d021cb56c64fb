import type { DetectionInput } from '../domain';
import { CaseSignalLimitError, InvalidCaseInput } from './case-errors';
import type { SubmittedDetection } from './submit-detection';

/** The outcome of one line of a batch: its case, or why it was not submitted. */
export type BatchLineResult =
  | { line: number; caseId: string; generation: number }
  | { line: number; error: { code: string; message: string } };

export type SubmitOne = (detection: DetectionInput) => Promise<SubmittedDetection>;

/**
 * Submits a batch's detections with at most `concurrency` calls to Temporal in flight: `add` waits for a
 * free slot, so a caller reading a stream line by line is held back (backpressure) instead of queueing
 * the whole batch in memory. One line's failure never touches the others.
 */
export class BatchSubmission {
  private readonly results: BatchLineResult[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly submitOne: SubmitOne,
    private readonly concurrency: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new Error(`batch concurrency must be a positive integer, got ${concurrency}`);
  }

  /** A line refused before submission (bad JSON, bad fields, too long). */
  reject(line: number, code: string, message: string): void {
    this.results.push({ line, error: { code, message } });
  }

  async add(line: number, detection: DetectionInput): Promise<void> {
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    const task = this.submitOne(detection).then(
      (submitted) => {
        this.results.push({ line, caseId: submitted.caseId, generation: submitted.generation });
      },
      (error: unknown) => {
        this.results.push({ line, error: submissionError(error) });
      },
    );
    const tracked = task.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Waits for every submission, then the results in line order. */
  async finish(): Promise<BatchLineResult[]> {
    await Promise.all(this.inFlight);
    return [...this.results].sort((a, b) => a.line - b.line);
  }
}

function submissionError(error: unknown): { code: string; message: string } {
  if (error instanceof InvalidCaseInput)
    return { code: 'invalid_input', message: `${error.message}. Fix this line and send it again.` };
  if (error instanceof CaseSignalLimitError) return { code: 'case_signal_limit', message: error.message };
  const why = error instanceof Error ? error.message : String(error);
  return {
    code: 'not_submitted',
    message: `Temporal did not take this detection (${why}). Send this line again: its detectionId keeps a repeat from counting twice.`,
  };
}
