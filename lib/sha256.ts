import { createHash, type Hash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The form S3 takes in ChecksumSHA256, so the server rejects bytes damaged on the way. */
export function sha256Base64(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

export function sha256Stream(): Hash {
  return createHash('sha256');
}
