import fs from 'node:fs';
import path from 'node:path';
import type { DataConverter } from '@temporalio/common';
import { z } from 'zod';
import { AesGcmPayloadCodec } from '../lib/crypto/aes-gcm-payload-codec';
import { generateKeyRing, KeyRing } from '../lib/crypto/key-ring';

/**
 * Where the Temporal payload codec's key ring comes from: a local key file (`npm start` creates it in
 * .data/, mode 0600), or the ring itself, which the cloud containers receive from Secrets Manager through
 * SARING_CODEC_KEY_RING. The ring wins when both are given.
 */
export const PayloadKeys = z
  .object({
    keyFile: z.string().min(1).optional(),
    keyRing: KeyRing.optional(),
  })
  .refine((keys) => keys.keyFile !== undefined || keys.keyRing !== undefined, {
    message:
      'no payload codec keys: set temporal.payloadKeys.keyFile (locally: `npm start` writes .data/codec-keys.json) or SARING_CODEC_KEY_RING (cloud)',
  });
export type PayloadKeys = z.infer<typeof PayloadKeys>;

export function readKeyRingFile(file: string): KeyRing {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read the payload codec key file ${file}: ${(error as Error).message}. Run \`npm start\` once to create it, or point temporal.payloadKeys.keyFile at the key ring file.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(
      `Payload codec key file ${file} is not JSON: restore it from backup (payloads sealed with it cannot be read without it).`,
    );
  }
  const parsed = KeyRing.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`Payload codec key file ${file} is invalid (${problems}): restore it from backup.`);
  }
  return parsed.data;
}

export function loadKeyRing(keys: PayloadKeys): KeyRing {
  if (keys.keyRing) return keys.keyRing;
  if (keys.keyFile) return readKeyRingFile(keys.keyFile);
  throw new Error('no payload codec keys configured');
}

/** Creates the local key ring file (mode 0600) when it does not exist; never overwrites one. */
export function ensureLocalKeyRingFile(file: string): { file: string; created: boolean } {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, JSON.stringify(generateKeyRing(), null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    return { file, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    fs.chmodSync(file, 0o600);
    readKeyRingFile(file);
    return { file, created: false };
  }
}

export function payloadCodecFor(ring: KeyRing): AesGcmPayloadCodec {
  return new AesGcmPayloadCodec(ring);
}

/** The data converter every Saring client and worker uses: the default payload converter, then the codec. */
export function dataConverterFor(keys: PayloadKeys | KeyRing): DataConverter {
  const ring = 'currentKeyId' in keys ? keys : loadKeyRing(keys);
  return { payloadCodecs: [payloadCodecFor(ring)] };
}
