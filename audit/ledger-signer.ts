import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SignatureAlgorithm } from './archive-documents';

/** Signs ledger heads: an Ed25519 key file locally, AWS KMS in the cloud (kms-ledger-signer.ts). */
export interface LedgerSigner {
  readonly keyId: string;
  readonly algorithm: SignatureAlgorithm;
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}

/**
 * An Ed25519 key kept in a PEM file (made on first use, mode 0600), with its public half beside it
 * (`<file>.pub.pem`) for auditors. The key id is the public key's SHA-256, so a head names its key.
 */
export function fileLedgerSigner(keyFile: string): LedgerSigner {
  if (!fs.existsSync(keyFile)) {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
      flag: 'wx',
    });
    fs.writeFileSync(publicKeyFileOf(keyFile), publicKey.export({ type: 'spki', format: 'pem' }));
  }
  const privateKey = crypto.createPrivateKey(fs.readFileSync(keyFile));
  const publicPem = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  if (!fs.existsSync(publicKeyFileOf(keyFile))) fs.writeFileSync(publicKeyFileOf(keyFile), publicPem);
  return {
    keyId: keyIdOf(publicPem),
    algorithm: 'ed25519',
    sign: async (bytes) => new Uint8Array(crypto.sign(null, bytes, privateKey)),
  };
}

export const publicKeyFileOf = (keyFile: string) => `${keyFile}.pub.pem`;

/** `sha256:<hex>` of the public key's DER (SPKI) bytes. */
export function keyIdOf(publicKeyPem: string): string {
  const der = crypto.createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return `sha256:${crypto.createHash('sha256').update(der).digest('hex')}`;
}

export function verifySignature(
  algorithm: SignatureAlgorithm,
  publicKeyPem: string,
  bytes: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    const key = crypto.createPublicKey(publicKeyPem);
    return algorithm === 'ed25519'
      ? crypto.verify(null, bytes, key, signature)
      : crypto.verify('sha256', bytes, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}
