import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../domain';
import { HttpError } from './http-error';
import { TokenRefused, type TokenVerifier } from './token-verifier';

export type Officer = Actor & { name: string; clientId: string };

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{16,8192})$/;

/** A refused sign-in, for the access log (never the token itself). */
export interface FailedSignIn {
  reason: string;
  method: string;
  path: string;
  ip: string;
}

/**
 * The caller behind the request's bearer token, as the verified access token says (api/token-verifier.ts).
 * Nothing the caller sends in a body or query can change the identity or role.
 */
export async function authenticate(
  req: { headers: IncomingHttpHeaders; method: string; url: string; ip: string },
  verifier: TokenVerifier,
  onFailure?: (failure: FailedSignIn) => void,
): Promise<Officer> {
  const fail = (message: string): never => {
    onFailure?.({ reason: message, method: req.method, path: req.url.split('?')[0] ?? '', ip: req.ip });
    throw new HttpError(401, 'unauthenticated', message);
  };
  const header = req.headers.authorization;
  if (!header)
    return fail(
      'Sign in: send the header "Authorization: Bearer <access token>" (the console and `saring login` do this for you).',
    );
  const match = BEARER.exec(header.trim());
  if (!match) return fail('The Authorization header is not "Bearer <access token>". Sign in again.');
  try {
    return await verifier.verify(match[1]!);
  } catch (error) {
    if (error instanceof TokenRefused) return fail(error.message);
    throw error;
  }
}
