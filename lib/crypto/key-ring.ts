import crypto from 'node:crypto';
import { z } from 'zod';
import { AES_256_KEY_BYTES } from './aes-gcm';

const KeyId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'a key id: letters, digits, dot, dash or underscore (at most 64)');

const Aes256Key = z
  .string()
  .refine(
    (text) => Buffer.from(text, 'base64').length === AES_256_KEY_BYTES,
    'a base64-encoded 32-byte AES-256 key',
  );

/**
 * The payload codec's keys: new payloads are sealed with `currentKeyId`; older keys stay in `keys` so
 * payloads already in histories still open. Rotating = add a key, point currentKeyId at it.
 */
export const KeyRing = z
  .object({ currentKeyId: KeyId, keys: z.record(KeyId, Aes256Key) })
  .refine((ring) => ring.currentKeyId in ring.keys, {
    path: ['currentKeyId'],
    message: 'currentKeyId must name one of the keys',
  });
export type KeyRing = z.infer<typeof KeyRing>;

export function generateKeyRing(
  keyId = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`,
): KeyRing {
  return { currentKeyId: keyId, keys: { [keyId]: crypto.randomBytes(AES_256_KEY_BYTES).toString('base64') } };
}

export function keyOf(ring: KeyRing, keyId: string): Buffer | undefined {
  const text = ring.keys[keyId];
  return text === undefined ? undefined : Buffer.from(text, 'base64');
}
