import crypto from 'node:crypto';
import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { AES_256_KEY_BYTES, openAesGcm, sealAesGcm } from './aes-gcm';
import { keyOf, type KeyRing } from './key-ring';

/** A data key as envelope encryption keeps it: the plaintext for this one record, and its wrapped form to store. */
export interface DataKey {
  plaintext: Buffer;
  /** Which master key wrapped it: a KMS key ARN/id, or the local ring's key id. */
  masterKeyId: string;
  wrapped: Buffer;
}

/**
 * Where envelope encryption gets a fresh data key per record and unwraps it later: KMS in the cloud, a
 * local master key file locally. `context` is bound to the wrap (KMS encryption context / GCM additional
 * data), so a wrapped key only opens for the record it was made for.
 */
export interface DataKeySource {
  readonly kind: 'kms' | 'local';
  generate(context: string): Promise<DataKey>;
  unwrap(key: { masterKeyId: string; wrapped: Buffer }, context: string): Promise<Buffer>;
}

const CONTEXT_KEY = 'saring:reporterRef';

export function kmsDataKeys(kms: KMSClient, keyId: string): DataKeySource {
  return {
    kind: 'kms',
    async generate(context) {
      const result = await kms.send(
        new GenerateDataKeyCommand({
          KeyId: keyId,
          KeySpec: 'AES_256',
          EncryptionContext: { [CONTEXT_KEY]: context },
        }),
      );
      if (!result.Plaintext || !result.CiphertextBlob || !result.KeyId)
        throw new Error(`KMS GenerateDataKey on ${keyId} returned no key`);
      return {
        plaintext: Buffer.from(result.Plaintext),
        masterKeyId: result.KeyId,
        wrapped: Buffer.from(result.CiphertextBlob),
      };
    },
    async unwrap(key, context) {
      const result = await kms.send(
        new DecryptCommand({
          KeyId: key.masterKeyId,
          CiphertextBlob: key.wrapped,
          EncryptionContext: { [CONTEXT_KEY]: context },
        }),
      );
      if (!result.Plaintext) throw new Error('KMS Decrypt returned no key');
      return Buffer.from(result.Plaintext);
    },
  };
}

/** The local stand-in for KMS: data keys wrapped with AES-256-GCM under the master key file's current key. */
export function localDataKeys(ring: KeyRing): DataKeySource {
  return {
    kind: 'local',
    async generate(context) {
      const master = keyOf(ring, ring.currentKeyId)!;
      const plaintext = crypto.randomBytes(AES_256_KEY_BYTES);
      return {
        plaintext,
        masterKeyId: ring.currentKeyId,
        wrapped: sealAesGcm(master, plaintext, Buffer.from(`${CONTEXT_KEY}=${context}`)),
      };
    },
    async unwrap(key, context) {
      const master = keyOf(ring, key.masterKeyId);
      if (!master) throw new Error(`the vault master key ${key.masterKeyId} is not in the master key file`);
      return openAesGcm(master, key.wrapped, Buffer.from(`${CONTEXT_KEY}=${context}`));
    },
  };
}
