import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Request bodies are JSON only (any other media type is refused with 415), at most 1 MiB, parsed by
 * Fastify's own parser with prototype-poisoning keys refused. An empty body reads as {} (steps such as
 * acknowledgePolice carry no fields); text that is not JSON is a 400 invalid_json.
 */
export function acceptJsonBodiesOnly(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: MAX_BODY_BYTES },
    (request, body, done) => {
      const text = body as string;
      if (text.length === 0) {
        done(null, {});
        return;
      }
      void parse(request, text, (error, value) => {
        if (error) done(new HttpError(400, 'invalid_json', 'The request body is not valid JSON.'), undefined);
        else done(null, value);
      });
    },
  );
}
