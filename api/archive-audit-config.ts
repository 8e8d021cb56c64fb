import fs from 'node:fs';
import { z } from 'zod';
import { auditConfigFromEnv } from '../audit/audit-config';
import { caseAuditReader, type CaseAuditReader } from '../audit/case-audit-reader';
import { publicKeyFileOf } from '../audit/ledger-signer';
import { S3Archive } from '../audit/s3-archive';
import { dataConverterFor, type PayloadKeys } from '../config/codec';
import { createS3Client, type S3Config } from '../config/s3';

/** The ledger public key auditors trust (PEM); locally the default is the worker's key file's .pub.pem. */
export const AUDIT_PUBLIC_KEY_ENV = 'SARING_AUDIT_PUBLIC_KEY_FILE';

const PublicKeyFile = z.string().min(1, `${AUDIT_PUBLIC_KEY_ENV} names the ledger public key (PEM) to trust`);

/**
 * The audit archive reader of the API, or undefined (its audit routes then answer 503) when no trusted
 * public key is found: verification must never trust a key it read from the archive itself.
 */
export function apiCaseAudit(
  s3: S3Config,
  payloadKeys: PayloadKeys,
  env: NodeJS.ProcessEnv = process.env,
): CaseAuditReader | undefined {
  const named = env[AUDIT_PUBLIC_KEY_ENV];
  const file = named ? PublicKeyFile.parse(named) : publicKeyFileOf(auditConfigFromEnv(env).ledgerKeyFile);
  if (!fs.existsSync(file)) {
    if (named)
      throw new Error(`${AUDIT_PUBLIC_KEY_ENV}=${named}: no such file; give the ledger public key (PEM)`);
    return undefined;
  }
  return caseAuditReader({
    archive: new S3Archive(createS3Client(s3), s3.auditBucket),
    publicKeyPem: fs.readFileSync(file, 'utf8'),
    dataConverter: dataConverterFor(payloadKeys),
  });
}
