import type { FastifySerializerCompiler } from 'fastify';
import type { z } from 'zod';

/**
 * Responses are sent as the handler built them (JSON.stringify): the zod response schemas describe
 * them in the OpenAPI document and type the handlers, but never strip or re-encode a field on the way
 * out. With `check` (tests), each response is also parsed with its schema and a mismatch is a 500,
 * so the document cannot drift from what the API really sends.
 */
export function responseSerializer(check: boolean): FastifySerializerCompiler<z.ZodType> {
  return ({ schema, method, url }) =>
    (data) => {
      if (check) {
        const parsed = schema.safeParse(data);
        if (!parsed.success)
          throw new Error(`response of ${method} ${url} does not match its schema: ${parsed.error.message}`);
      }
      return JSON.stringify(data);
    };
}
