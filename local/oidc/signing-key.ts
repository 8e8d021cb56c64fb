import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

const PrivateRsaJwk = z.looseObject({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  alg: z.literal('RS256'),
  use: z.literal('sig'),
  n: z.string(),
  e: z.string(),
  d: z.string(),
});
export type PrivateRsaJwk = z.infer<typeof PrivateRsaJwk>;

/**
 * The provider's RS256 signing key, created on first use (mode 0600) and kept, so tokens stay valid
 * across restarts of the local provider.
 */
export function ensureSigningKey(file: string): PrivateRsaJwk {
  if (!fs.existsSync(file)) {
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = {
      ...privateKey.export({ format: 'jwk' }),
      kid: crypto.randomBytes(8).toString('hex'),
      alg: 'RS256',
      use: 'sig',
    };
    fs.writeFileSync(file, JSON.stringify(jwk) + '\n', { mode: 0o600 });
  }
  const parsed = PrivateRsaJwk.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`Signing key ${file} is not an RS256 private JWK; delete it to get a new one.`);
  return parsed.data;
}
