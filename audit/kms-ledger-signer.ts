import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { keyIdOf, type LedgerSigner } from './ledger-signer';

/**
 * Signs ledger heads with an AWS KMS key (key spec ECC_NIST_P256, usage SIGN_VERIFY; infra's audit
 * stack makes it): the private key never leaves KMS. Heads name the key by its public key's SHA-256,
 * the same way as local keys; auditors verify with the PEM from `aws kms get-public-key`.
 */
export async function kmsLedgerSigner(
  keyId: string,
  kms = new KMSClient({}),
): Promise<LedgerSigner & { publicKeyPem: string }> {
  const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!PublicKey)
    throw new Error(`KMS key ${keyId} returned no public key: check kms:GetPublicKey permission`);
  const publicKeyPem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(PublicKey)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd()}\n-----END PUBLIC KEY-----\n`;
  return {
    keyId: keyIdOf(publicKeyPem),
    algorithm: 'ecdsa-p256-sha256',
    publicKeyPem,
    async sign(bytes) {
      const { Signature } = await kms.send(
        new SignCommand({
          KeyId: keyId,
          Message: bytes,
          MessageType: 'RAW',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      );
      if (!Signature) throw new Error(`KMS key ${keyId} returned no signature`);
      return Signature;
    },
  };
}
