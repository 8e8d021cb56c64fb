import fs from 'node:fs';
import { z } from 'zod';
import { AUDIT_ENV, AuditConfig } from '../audit/audit-config';
import { caseAuditReader, LedgerKeyUnavailableError, type CaseAuditReader } from '../audit/case-audit-reader';
import { kmsLedgerPublicKeyPem, kmsPublicKeySource, type PublicKeySource } from '../audit/kms-public-key';
import { publicKeyFileOf } from '../audit/ledger-signer';
import { S3Archive } from '../audit/s3-archive';
import { dataConverterFor, type PayloadKeys } from '../config/codec';
import { createS3Client, type S3Config } from '../config/s3';

/** The ledger public key auditors trust (PEM); locally the default is the worker's key file's .pub.pem. */
export const AUDIT_PUBLIC_KEY_ENV = 'SARING_AUDIT_PUBLIC_KEY_FILE';

/** Where the API finds the ledger public key it trusts; each name is optional (no key: audit routes answer 503). */
const ApiLedgerKeyConfig = z
  .object({
    publicKeyFile: z
      .string()
      .min(1, `${AUDIT_PUBLIC_KEY_ENV} names the ledger public key (PEM) to trust`)
      .optional(),
    /** The cloud: the KMS key the worker signs heads with; its public half is fetched once at start. */
    ledgerKmsKeyId: z
      .string()
      .regex(/^\S+$/, `${AUDIT_ENV.ledgerKmsKeyId} is a KMS key id, ARN or alias, without spaces`)
      .optional(),
    ledgerKeyFile: z.string().min(1).optional(),
  })
  .strict();
type ApiLedgerKeyConfig = z.infer<typeof ApiLedgerKeyConfig>;

export function apiLedgerKeyConfigFromEnv(env: NodeJS.ProcessEnv): ApiLedgerKeyConfig {
  const parsed = ApiLedgerKeyConfig.safeParse({
    publicKeyFile: env[AUDIT_PUBLIC_KEY_ENV] ?? undefined,
    ledgerKmsKeyId: env[AUDIT_ENV.ledgerKmsKeyId] ?? undefined,
    ledgerKeyFile: env[AUDIT_ENV.ledgerKeyFile] || undefined,
  });
  if (!parsed.success)
    throw new Error(
      `API audit key settings: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
    );
  return parsed.data;
}

/**
 * The audit archive reader of the API, or undefined (its audit routes then answer 503) when no trusted
 * public key is found: verification must never trust a key it read from the archive itself.
 */
export async function apiCaseAudit(
  s3: S3Config,
  payloadKeys: PayloadKeys,
  env: NodeJS.ProcessEnv = process.env,
  kms: () => PublicKeySource = () => kmsPublicKeySource(),
): Promise<CaseAuditReader | undefined> {
  const config = apiLedgerKeyConfigFromEnv(env);
  // The KMS key is fetched when a verification first needs it, so the API starts (and stays healthy)
  // even while KMS is unreachable; only verification then answers 503.
  const publicKeyPem =
    !config.publicKeyFile && config.ledgerKmsKeyId
      ? lazyKmsPublicKey(config.ledgerKmsKeyId, kms)
      : await trustedLedgerPublicKeyPem(env, kms);
  if (!publicKeyPem) return undefined;
  return caseAuditReader({
    archive: new S3Archive(createS3Client(s3), s3.auditBucket),
    publicKeyPem,
    dataConverter: dataConverterFor(payloadKeys),
  });
}

/** The KMS ledger key's public half, fetched once on first use; a failed fetch is tried again next time. */
function lazyKmsPublicKey(keyId: string, kms: () => PublicKeySource): () => Promise<string> {
  let fetched: Promise<string> | undefined;
  return () => {
    fetched ??= kmsLedgerPublicKeyPem(keyId, kms()).catch((error: unknown) => {
      fetched = undefined;
      throw new LedgerKeyUnavailableError(
        `The ledger public key (KMS ${keyId}) could not be read: ${error instanceof Error ? error.message : String(error)}. Try again later, or verify with "saring audit verify --archive --public-key <pem>".`,
      );
    });
    return fetched;
  };
}

/**
 * The ledger public key to trust: the named PEM file, else the KMS ledger key's public half (fetched
 * once at start; the cloud), else the local worker's key file's .pub.pem if it exists.
 */
export async function trustedLedgerPublicKeyPem(
  env: NodeJS.ProcessEnv,
  kms: () => PublicKeySource,
): Promise<string | undefined> {
  const config = apiLedgerKeyConfigFromEnv(env);
  if (config.publicKeyFile) {
    const file = config.publicKeyFile;
    if (!fs.existsSync(file))
      throw new Error(`${AUDIT_PUBLIC_KEY_ENV}=${file}: no such file; give the ledger public key (PEM)`);
    return fs.readFileSync(file, 'utf8');
  }
  if (config.ledgerKmsKeyId) return kmsLedgerPublicKeyPem(config.ledgerKmsKeyId, kms());
  const file = publicKeyFileOf(config.ledgerKeyFile ?? AuditConfig.shape.ledgerKeyFile.parse(undefined));
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}
