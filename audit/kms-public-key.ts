import crypto from 'node:crypto';
import { GetPublicKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { z } from 'zod';

/** The part of KMS `GetPublicKey` the API uses (the real request shape; test doubles parse with it). */
export const GetPublicKeyRequest = z.object({ KeyId: z.string().min(1) }).strict();
export type GetPublicKeyRequest = z.infer<typeof GetPublicKeyRequest>;

export interface PublicKeySource {
  getPublicKey(request: GetPublicKeyRequest): Promise<{
    PublicKey?: Uint8Array | undefined;
    KeySpec?: string | undefined;
    KeyUsage?: string | undefined;
  }>;
}

export function kmsPublicKeySource(kms = new KMSClient({})): PublicKeySource {
  return { getPublicKey: (request) => kms.send(new GetPublicKeyCommand(GetPublicKeyRequest.parse(request))) };
}

/**
 * The ledger signing key's public half as PEM (SPKI), read once from KMS: the key the cloud worker signs
 * heads with (kms-ledger-signer.ts). Refuses a key that is not a P-256 signing key.
 */
export async function kmsLedgerPublicKeyPem(keyId: string, source: PublicKeySource): Promise<string> {
  const { PublicKey, KeySpec, KeyUsage } = await source.getPublicKey(
    GetPublicKeyRequest.parse({ KeyId: keyId }),
  );
  if (!PublicKey)
    throw new Error(`KMS key ${keyId} returned no public key: give the API kms:GetPublicKey on it`);
  if (KeySpec !== undefined && KeySpec !== 'ECC_NIST_P256')
    throw new Error(`KMS key ${keyId} is ${KeySpec}: the ledger key must be ECC_NIST_P256`);
  if (KeyUsage !== undefined && KeyUsage !== 'SIGN_VERIFY')
    throw new Error(`KMS key ${keyId} has usage ${KeyUsage}: the ledger key must be SIGN_VERIFY`);
  return spkiDerToPem(PublicKey);
}

/** DER SPKI bytes (what KMS returns) to a PEM public key; throws on bytes that are not a public key. */
export function spkiDerToPem(der: Uint8Array): string {
  return crypto
    .createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
}
