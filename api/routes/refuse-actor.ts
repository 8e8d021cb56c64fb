import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http-error';

/** preValidation for officer bodies: the body must not say who is acting, the token does. */
export async function refuseActor(request: FastifyRequest): Promise<void> {
  const body = request.body;
  if (typeof body === 'object' && body !== null && 'actor' in body) {
    throw new HttpError(
      400,
      'invalid_input',
      'Do not send "actor": the API sets it from your token. Remove it and send again; nothing was changed.',
    );
  }
}
