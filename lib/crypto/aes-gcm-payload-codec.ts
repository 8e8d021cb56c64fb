import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { openAesGcm, sealAesGcm } from './aes-gcm';
import { keyOf, type KeyRing } from './key-ring';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const utf8 = new TextEncoder();
const text = new TextDecoder();

/**
 * Seals every payload (the whole Payload message, metadata included) with AES-256-GCM under the key
 * ring's current key and names that key in the metadata, so keys can rotate. Decoding passes payloads
 * without the encrypted encoding through unchanged: histories recorded before the codec still replay.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(private readonly ring: KeyRing) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const keyId = this.ring.currentKeyId;
    const key = keyOf(this.ring, keyId);
    if (!key) throw new Error(`payload codec: current key ${keyId} is not in the key ring`);
    return payloads.map((payload) => ({
      metadata: {
        encoding: utf8.encode(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: utf8.encode(keyId),
      },
      data: sealAesGcm(key, temporal.api.common.v1.Payload.encode(payload).finish(), utf8.encode(keyId)),
    }));
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
      return temporal.api.common.v1.Payload.decode(openAesGcm(key, payload.data, keyIdBytes));
    });
  }
}
