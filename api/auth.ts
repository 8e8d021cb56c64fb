import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../domain';
import { HttpError } from './http-error';
import type { OfficerDirectory } from './officer-directory';

export type Officer = Actor & { name: string };

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{16,512})$/;

/**
 * The officer behind the request's bearer token. The identity and role come from the directory
 * only; nothing the caller sends in a body or query can change them.
 */
export function authenticate(req: { headers: IncomingHttpHeaders }, directory: OfficerDirectory): Officer {
  const header = req.headers.authorization;
  if (!header) {
    throw new HttpError(
      401,
      'unauthenticated',
      'Log in: send the header "Authorization: Bearer <your officer token>".',
    );
  }
  const match = BEARER.exec(header.trim());
  const officer = match ? directory.authenticate(match[1]!) : undefined;
  if (!officer) {
    throw new HttpError(
      401,
      'unauthenticated',
      'The bearer token is not valid. Check it, or ask the platform admin for a new one.',
    );
  }
  return officer;
}
