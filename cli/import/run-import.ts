import fs from 'node:fs';
import path from 'node:path';
import { readNdjsonLines } from '../../lib/ndjson/read-lines';
import { ApiError, type ApiClient } from '../api-client';
import { UsageError } from '../args';
import { readCheckpoint, writeCheckpoint, type ImportCheckpoint } from './import-checkpoint';
import { progressLine, type ProgressFigures } from './import-progress';

/** The server's answer to one batch (api/routes/batch-detection-routes.ts BatchAnswer), as far as the import reads it. */
interface BatchAnswer {
  results: ({ line: number; caseId: string } | { line: number; error: { code: string; message: string } })[];
  truncatedAtLine?: number;
}

export interface ImportRun {
  api: ApiClient;
  /** A file path, or "-" for stdin. */
  input: string;
  /** Where progress is kept; undefined: no checkpoint (stdin without --checkpoint). */
  checkpointFile: string | undefined;
  /** Rejected lines with their errors, one JSON object a line. */
  rejectsFile: string;
  batchSize: number;
  maxLineBytes: number;
  /** Called with the progress line; `final` on the last call. */
  onProgress(line: string, final?: boolean): void;
  /** Said once, e.g. "resuming at line 1201". */
  onNotice(text: string): void;
}

export interface ImportSummary {
  input: string;
  resumedAtLine: number;
  sentThisRun: number;
  accepted: number;
  rejected: number;
  rejectsFile: string;
  seconds: number;
}

const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16_000, 30_000];
const retryable = (error: unknown) =>
  error instanceof ApiError && (error.status === 0 || error.status === 429 || error.status >= 500);

/**
 * Sends an NDJSON file to POST /api/detections/batch in batches, reading it as a stream (memory stays
 * flat whatever its length). After each batch's answer the checkpoint moves past it, so a rerun after
 * an interruption starts at the first unanswered batch; a batch sent but not yet answered when the
 * import died is sent again, and its detectionIds keep it from counting twice.
 */
export async function runImport(run: ImportRun): Promise<ImportSummary> {
  const fromStdin = run.input === '-';
  const inputId = fromStdin ? '-' : path.resolve(run.input);
  const bytesTotal = fromStdin ? undefined : inputSize(run.input, inputId);
  const previous = run.checkpointFile ? readCheckpoint(run.checkpointFile) : undefined;
  if (previous && previous.input !== inputId)
    throw new Error(
      `the checkpoint ${run.checkpointFile} belongs to ${previous.input}, not ${inputId}: pass another --checkpoint or delete it`,
    );
  if (previous && bytesTotal !== undefined && previous.nextByte > bytesTotal)
    throw new Error(
      `${inputId} is shorter than when the checkpoint ${run.checkpointFile} was written: the file changed; delete the checkpoint to start over`,
    );
  const state: ImportCheckpoint = previous ?? {
    version: 1,
    input: inputId,
    nextByte: 0,
    nextLine: 1,
    accepted: 0,
    rejected: 0,
    updatedAt: new Date().toISOString(),
  };
  if (previous) run.onNotice(`resuming at line ${previous.nextLine} (checkpoint ${run.checkpointFile})`);

  // A file resumes by seeking; stdin can only skip lines it reads again.
  const skipBytes = fromStdin ? 0 : state.nextByte;
  const source = fromStdin ? process.stdin : fs.createReadStream(inputId, { start: skipBytes });
  const lineOffset = fromStdin ? 0 : state.nextLine - 1;
  const startedAt = Date.now();
  const start = { bytes: state.nextByte, lines: state.nextLine - 1 };
  let sentThisRun = 0;
  let bytesDone = state.nextByte;
  const figures = (): ProgressFigures => ({
    bytesDone,
    bytesTotal,
    linesDone: state.nextLine - 1,
    accepted: state.accepted,
    rejected: state.rejected,
    startBytes: start.bytes,
    startLines: start.lines,
    elapsedMs: Date.now() - startedAt,
  });

  const rejects = fs.createWriteStream(run.rejectsFile, { flags: 'a' });
  const reject = (line: number, error: { code: string; message: string }) => {
    rejects.write(`${JSON.stringify({ line, error })}\n`);
    state.rejected += 1;
  };

  let batch: { line: number; text: string }[] = [];
  let batchEnd = { byte: state.nextByte, line: state.nextLine };

  const flush = async () => {
    if (batch.length > 0) {
      const answer = await sendWithRetry(run, batch.map((entry) => entry.text).join('\n'), batch[0]!.line);
      for (const result of answer.results) {
        const line = batch[result.line - 1]?.line ?? result.line;
        if ('caseId' in result) state.accepted += 1;
        else reject(line, result.error);
      }
      // A server with a lower line limit than --batch-size: the lines it did not read are not lost silently.
      if (answer.truncatedAtLine !== undefined)
        for (const entry of batch.slice(answer.truncatedAtLine - 1))
          reject(entry.line, {
            code: 'not_read',
            message: `the API reads at most ${answer.truncatedAtLine - 1} lines per batch: import again with a smaller --batch-size`,
          });
      sentThisRun += batch.length;
      batch = [];
    }
    state.nextByte = batchEnd.byte;
    state.nextLine = batchEnd.line;
    state.updatedAt = new Date().toISOString();
    bytesDone = state.nextByte;
    if (run.checkpointFile) writeCheckpoint(run.checkpointFile, state);
    run.onProgress(progressLine(figures()));
  };

  for await (const entry of readNdjsonLines(source, run.maxLineBytes)) {
    const line = entry.lineNumber + lineOffset;
    if (line < state.nextLine) continue;
    batchEnd = { byte: skipBytes + entry.endByte, line: line + 1 };
    if (entry.tooLong) {
      reject(line, {
        code: 'line_too_long',
        message: `line ${line} is ${entry.bytes} bytes, over ${run.maxLineBytes}; not sent`,
      });
    } else {
      batch.push({ line, text: entry.text });
    }
    if (batch.length >= run.batchSize) await flush();
  }
  if (bytesTotal !== undefined) batchEnd.byte = bytesTotal;
  await flush();
  await new Promise<void>((resolve) => rejects.end(resolve));
  run.onProgress(progressLine(figures()), true);
  if (run.checkpointFile) fs.rmSync(run.checkpointFile, { force: true });
  if (state.rejected === 0) fs.rmSync(run.rejectsFile, { force: true });
  return {
    input: inputId,
    resumedAtLine: start.lines + 1,
    sentThisRun,
    accepted: state.accepted,
    rejected: state.rejected,
    rejectsFile: run.rejectsFile,
    seconds: (Date.now() - startedAt) / 1000,
  };
}

async function sendWithRetry(run: ImportRun, body: string, firstLine: number): Promise<BatchAnswer> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await run.api.postRaw<BatchAnswer>('/api/detections/batch', body, 'application/x-ndjson');
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (!retryable(error) || delay === undefined) throw error;
      run.onNotice(
        `batch from line ${firstLine} not answered (${(error as Error).message}); retrying in ${delay / 1000} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** A file that cannot be read is a wrong argument (exit 2), named as given, with the system's reason. */
function inputSize(given: string, resolved: string): number {
  try {
    const stat = fs.statSync(resolved);
    if (!stat.isFile())
      throw new UsageError(
        `<file>: ${given.slice(0, 200)} is not a file (give a .jsonl file or - for stdin)`,
      );
    return stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(
      `<file>: cannot read ${given.slice(0, 200)} (${code}); give a .jsonl file or - for stdin`,
    );
  }
}
