import zlib from 'node:zlib';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { openAesGcm, sealAesGcm } from './aes-gcm';
import { keyOf, type KeyRing } from './key-ring';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
export const COMPRESSION_METADATA = 'compression';
export const DEFLATE_RAW = 'deflate-raw';

/**
 * Payloads smaller than this are sealed as they are: deflate gains little on them and costs CPU on every
 * workflow task. 256 bytes leaves out ids and small signals; policies, detections, snapshots and
 * classifications are above it.
 */
export const COMPRESS_FROM_BYTES = 256;
/** No payload inflates past this (Temporal refuses payloads of 2 MiB by default): a larger one is refused, not allocated. */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

const utf8 = new TextEncoder();
const text = new TextDecoder();

/**
 * Seals every payload (the whole Payload message, metadata included) with AES-256-GCM under the key
 * ring's current key and names that key in the metadata, so keys can rotate. A payload of
 * COMPRESS_FROM_BYTES or more is deflated first when that makes it smaller (case histories store every
 * payload for as long as the case is retained; ciphertext does not compress, so it must happen here),
 * and says so in its metadata. The compression is part of the authenticated data: a payload whose
 * compression label was removed or added fails to open instead of being misread.
 *
 * Decoding passes payloads without the encrypted encoding through unchanged (histories recorded before
 * the codec still replay) and opens sealed payloads with or without compression, so histories written
 * before compression existed open as before.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(
    private readonly ring: KeyRing,
    private readonly options: { compressFromBytes: number } = { compressFromBytes: COMPRESS_FROM_BYTES },
  ) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const keyId = this.ring.currentKeyId;
    const key = keyOf(this.ring, keyId);
    if (!key) throw new Error(`payload codec: current key ${keyId} is not in the key ring`);
    return payloads.map((payload): Payload => {
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const deflated =
        plain.length >= this.options.compressFromBytes ? zlib.deflateRawSync(plain) : undefined;
      const compression = deflated && deflated.length < plain.length ? DEFLATE_RAW : undefined;
      return {
        metadata: {
          encoding: utf8.encode(ENCRYPTED_ENCODING),
          [KEY_ID_METADATA]: utf8.encode(keyId),
          ...(compression ? { [COMPRESSION_METADATA]: utf8.encode(compression) } : {}),
        },
        data: sealAesGcm(key, compression ? deflated! : plain, additionalData(keyId, compression)),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.encoding;
      if (!encoding || text.decode(encoding) !== ENCRYPTED_ENCODING) return payload;
      const keyIdBytes = payload.metadata?.[KEY_ID_METADATA];
      if (!keyIdBytes) throw new Error(`payload codec: an encrypted payload has no ${KEY_ID_METADATA}`);
      const keyId = text.decode(keyIdBytes);
      const key = keyOf(this.ring, keyId);
      if (!key) {
        throw new Error(
          `payload codec: payload sealed with key ${keyId}, which is not in the key ring: add it to the ring's keys`,
        );
      }
      if (!payload.data) throw new Error('payload codec: an encrypted payload has no data');
      const compressionBytes = payload.metadata?.[COMPRESSION_METADATA];
      if (!compressionBytes) {
        return temporal.api.common.v1.Payload.decode(openAesGcm(key, payload.data, additionalData(keyId)));
      }
      const compression = text.decode(compressionBytes);
      if (compression !== DEFLATE_RAW) {
        throw new Error(
          `payload codec: payload compressed with ${JSON.stringify(compression)}, which this release does not read (only ${DEFLATE_RAW}): upgrade this process`,
        );
      }
      const deflated = openAesGcm(key, payload.data, additionalData(keyId, compression));
      return temporal.api.common.v1.Payload.decode(inflate(deflated));
    });
  }
}

/** The key id, and the compression when there is one (sealed before compression existed: the key id alone). */
function additionalData(keyId: string, compression?: string): Uint8Array {
  return utf8.encode(compression === undefined ? keyId : `${keyId}\n${compression}`);
}

function inflate(deflated: Buffer): Buffer {
  try {
    return zlib.inflateRawSync(deflated, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new Error(
        `payload codec: a compressed payload inflates past ${MAX_INFLATED_BYTES} bytes: refused`,
      );
    throw error;
  }
}
