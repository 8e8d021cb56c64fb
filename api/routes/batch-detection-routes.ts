import type { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Detection } from '../../domain';
import { BatchSubmission } from '../../cases/batch-submission';
import { readNdjsonLines } from '../../lib/ndjson/read-lines';
import { DETECTION_ROLES } from '../access';
import type { ApiDeps } from '../api-deps';
import { HttpError } from '../http-error';
import { officerGuard, officerOf } from '../officer-guard';
import { BEARER } from '../openapi';
import { withErrors } from '../route-schemas';
import type { ZodApp } from '../server';
import { isMachine, OfficerDetectionBody } from './detection-routes';

export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];

export interface BatchLimits {
  /** Lines read per request; the lines after it are answered "not read". */
  maxLines: number;
  /** Bytes per line; a longer line is skipped without being held in memory. */
  maxLineBytes: number;
  /** Detections in flight toward Temporal per request. */
  concurrency: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = {
  maxLines: 10_000,
  maxLineBytes: 64 * 1024,
  concurrency: 16,
};

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

function describeZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(line)'}: ${issue.message}`)
    .join('; ');
}

const unsupportedMediaType = () =>
  new HttpError(
    415,
    'unsupported_media_type',
    `Send the batch as NDJSON (one detection JSON object per line) with "Content-Type: ${NDJSON_TYPES[0]}".`,
  );

/**
 * POST /api/detections/batch: NDJSON read as it streams in (never buffered whole), each line parsed with
 * zod on its own and submitted with bounded concurrency; the answer has one result per line, so a bad line
 * never sinks the good ones. Registered in its own scope: only this route accepts NDJSON.
 */
export function registerBatchDetectionRoutes(
  app: ZodApp,
  deps: ApiDeps,
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(NDJSON_TYPES, (_request, payload, done) => done(null, payload));
    scope.addContentTypeParser('*', (_request, _payload, done) => done(unsupportedMediaType(), undefined));

    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/detections/batch',
      {
        onRequest: officerGuard(deps, { roles: DETECTION_ROLES, what: 'submit detections' }),
        schema: {
          summary: 'Report many detections at once as NDJSON (crawler feeds); one result per line',
          description: `Content-Type ${NDJSON_TYPES[0]}: one JSON object per line, the fields of POST /api/detections plus a required detectionId (a resent line with the same id counts once). At most ${limits.maxLines} lines and ${limits.maxLineBytes} bytes per line; lines after the limit are not read (truncatedAtLine) and should go in the next request. Never all-or-nothing.`,
          tags: ['intake'],
          security: BEARER,
          response: withErrors({ 200: BatchAnswer }),
        },
      },
      async (request) => {
        const stream = request.body as Readable | undefined;
        if (!stream || typeof (stream as Partial<Readable>)[Symbol.asyncIterator] !== 'function')
          throw unsupportedMediaType();
        const officer = officerOf(request);
        const batch = new BatchSubmission(
          (detection) => deps.cases.submitDetection(detection),
          limits.concurrency,
        );
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
            batch.reject(
              line.lineNumber,
              'invalid_input',
              `Line ${line.lineNumber}: ${describeZodIssues(parsed.error)}.`,
            );
            continue;
          }
          const detection = Detection.safeParse({
            ...parsed.data,
            // A machine client reports as itself (crawler or partner), an officer under their own id.
            ...(isMachine(officer.role)
              ? { source: officer.role, reportedBy: officer.clientId }
              : { source: 'officer', reportedBy: officer.officerId, officerId: officer.officerId }),
            observedAt: parsed.data.observedAt ?? new Date().toISOString(),
          });
          if (!detection.success) {
            batch.reject(
              line.lineNumber,
              'invalid_input',
              `Line ${line.lineNumber}: ${describeZodIssues(detection.error)}.`,
            );
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
      },
    );
  });
}
