import type { Readable } from 'node:stream';
import { z } from 'zod';
import { Detection } from '../domain';
import { BatchSubmission, type SubmitOne } from '../cases/batch-submission';
import { readNdjsonLines } from '../lib/ndjson/read-lines';
import { OfficerDetectionBody } from './routes/detection-routes';

export interface BatchLimits {
  /** Lines read per request; the lines after it are answered "not read". */
  maxLines: number;
  /** Bytes per line; a longer line is skipped without being held in memory. */
  maxLineBytes: number;
  /** Detections in flight toward Temporal per request. */
  concurrency: number;
}

/** One line of a batch: an officer detection plus the sender's id for it, so a resent line counts once. */
export const BatchDetectionLine = OfficerDetectionBody.extend({
  detectionId: Detection.shape.detectionId.unwrap(),
});

const LineResult = z.union([
  z.object({ line: z.number().int(), caseId: z.string(), generation: z.number().int() }),
  z.object({ line: z.number().int(), error: z.object({ code: z.string(), message: z.string() }) }),
]);

export const BatchAnswer = z.object({
  lines: z.number().int().meta({ description: 'Lines read, blank ones included' }),
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** Lines after maxLines were not read: send them in another request. */
  truncatedAtLine: z.number().int().optional(),
  results: z.array(LineResult).meta({ description: 'One per non-blank line read, in line order' }),
});
export type BatchAnswer = z.infer<typeof BatchAnswer>;

/** Who reports the batch's detections: the fields the API sets on every line, never the sender's. */
export interface BatchReporter {
  reporter: Pick<Detection, 'source' | 'reportedBy' | 'officerId'>;
  /** Why this reporter may not send a detection (e.g. a partner outside its regions); undefined: it may. */
  refuse?: (detection: Detection) => { code: string; message: string } | undefined;
}

export function describeZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(line)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Reads NDJSON as it streams in (never buffered whole), parses each line with zod on its own and submits
 * it with bounded concurrency; one result per line, so a bad line never sinks the good ones.
 */
export async function submitNdjsonDetections(
  stream: Readable,
  submitOne: SubmitOne,
  who: BatchReporter,
  limits: BatchLimits,
): Promise<BatchAnswer> {
  const batch = new BatchSubmission(submitOne, limits.concurrency);
  const rejectInvalid = (lineNumber: number, error: z.ZodError) =>
    batch.reject(lineNumber, 'invalid_input', `Line ${lineNumber}: ${describeZodIssues(error)}.`);
  let lines = 0;
  let truncatedAtLine: number | undefined;
  for await (const line of readNdjsonLines(stream, limits.maxLineBytes)) {
    // Read on to the end without keeping anything: stopping early would tear down the connection.
    if (line.lineNumber > limits.maxLines) {
      truncatedAtLine ??= line.lineNumber;
      continue;
    }
    lines = line.lineNumber;
    if (line.tooLong) {
      batch.reject(
        line.lineNumber,
        'line_too_long',
        `Line ${line.lineNumber} is ${line.bytes} bytes, over ${limits.maxLineBytes}: shorten its text.`,
      );
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(line.text);
    } catch {
      batch.reject(line.lineNumber, 'invalid_json', `Line ${line.lineNumber} is not valid JSON.`);
      continue;
    }
    const parsed = BatchDetectionLine.safeParse(json);
    if (!parsed.success) {
      rejectInvalid(line.lineNumber, parsed.error);
      continue;
    }
    const detection = Detection.safeParse({
      ...parsed.data,
      ...who.reporter,
      observedAt: parsed.data.observedAt ?? new Date().toISOString(),
    });
    if (!detection.success) {
      rejectInvalid(line.lineNumber, detection.error);
      continue;
    }
    const refusal = who.refuse?.(detection.data);
    if (refusal) {
      batch.reject(line.lineNumber, refusal.code, `Line ${line.lineNumber}: ${refusal.message}`);
      continue;
    }
    await batch.add(line.lineNumber, detection.data);
  }
  const results = await batch.finish();
  const accepted = results.filter((result) => 'caseId' in result).length;
  return {
    lines,
    accepted,
    rejected: results.length - accepted,
    ...(truncatedAtLine !== undefined ? { truncatedAtLine } : {}),
    results,
  };
}
