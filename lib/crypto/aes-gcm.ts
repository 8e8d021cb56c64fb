import crypto from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
export const AES_256_KEY_BYTES = 32;

/**
 * AES-256-GCM with a fresh random 96-bit IV: the sealed form is iv || ciphertext || tag. `aad` is
 * authenticated but not encrypted: opening with different additional data fails.
 */
export function sealAesGcm(key: Buffer, plaintext: Uint8Array, aad?: Uint8Array): Buffer {
  if (key.length !== AES_256_KEY_BYTES) throw new Error('AES-256-GCM needs a 32-byte key');
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** Opens what sealAesGcm made; throws when the key, the additional data or a byte is wrong. */
export function openAesGcm(key: Buffer, sealed: Uint8Array, aad?: Uint8Array): Buffer {
  if (key.length !== AES_256_KEY_BYTES) throw new Error('AES-256-GCM needs a 32-byte key');
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('sealed data is too short to be AES-256-GCM');
  const bytes = Buffer.from(sealed);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
    decipher.final(),
  ]);
}
