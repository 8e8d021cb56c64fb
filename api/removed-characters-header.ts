import type { FastifyInstance } from 'fastify';
import { describeRemovedCharacters, unsafeCharactersIn, type RemovedCharacters } from '../domain';

export const REMOVED_CHARACTERS_HEADER = 'x-saring-removed-characters';

declare module 'fastify' {
  interface FastifyRequest {
    unsafeCharactersSent?: RemovedCharacters;
  }
}

/**
 * The schemas strip bidi and control characters from free text (domain/free-text.ts); the answer says
 * what was removed, e.g. "removed 2 bidi control characters from free text", so the sender can tell
 * that what was stored differs from what was sent. Counted before and after validation, so content
 * kept byte for byte (a detection's text) is not reported.
 */
export function reportRemovedCharacters(app: FastifyInstance): void {
  app.decorateRequest('unsafeCharactersSent', undefined);
  app.addHook('preValidation', async (request) => {
    if (isParsedJson(request.body)) request.unsafeCharactersSent = unsafeCharactersIn(request.body);
  });
  app.addHook('preHandler', async (request, reply) => {
    if (!request.unsafeCharactersSent) return;
    const removed = describeRemovedCharacters(request.unsafeCharactersSent, unsafeCharactersIn(request.body));
    if (removed) reply.header(REMOVED_CHARACTERS_HEADER, removed);
  });
  // A refused request stored nothing, so nothing was removed from it.
  app.addHook('onSend', async (_request, reply) => {
    if (reply.statusCode >= 400) reply.removeHeader(REMOVED_CHARACTERS_HEADER);
  });
}

/**
 * Only a body the JSON parser produced is walked: a streamed body (NDJSON batch intake) is a Readable
 * whose object graph has cycles, and its lines are checked one by one by their own schema.
 */
function isParsedJson(body: unknown): boolean {
  if (body === undefined || body === null) return false;
  if (typeof body !== 'object') return true;
  const prototype = Object.getPrototypeOf(body) as unknown;
  return Array.isArray(body) || prototype === Object.prototype || prototype === null;
}
