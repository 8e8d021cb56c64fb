import type { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DETECTION_ROLES } from '../access';
import type { ApiDeps } from '../api-deps';
import { HttpError } from '../http-error';
import { officerGuard, officerOf } from '../officer-guard';
import { BEARER } from '../openapi';
import { BatchAnswer, submitNdjsonDetections, type BatchLimits } from '../ndjson-detections';
import { withErrors } from '../route-schemas';
import type { ZodApp } from '../server';
import { isMachine } from './detection-routes';

export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];

export type { BatchAnswer, BatchLimits };

export const DEFAULT_BATCH_LIMITS: BatchLimits = {
  maxLines: 10_000,
  maxLineBytes: 64 * 1024,
  concurrency: 16,
};

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
        return submitNdjsonDetections(
          stream,
          (detection) => deps.cases.submitDetection(detection),
          {
            // A machine client reports as itself (crawler or partner), an officer under their own id.
            reporter: isMachine(officer.role)
              ? { source: officer.role, reportedBy: officer.clientId }
              : { source: 'officer', reportedBy: officer.officerId, officerId: officer.officerId },
          },
          limits,
        );
      },
    );
  });
}
