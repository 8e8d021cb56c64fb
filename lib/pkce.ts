import crypto from 'node:crypto';

/** A PKCE verifier and its S256 challenge (RFC 7636), and a state value, for one sign-in. */
export function newPkce(): { verifier: string; challenge: string; state: string } {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge, state: crypto.randomBytes(16).toString('base64url') };
}
