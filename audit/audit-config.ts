import path from 'node:path';
import { z } from 'zod';
import { AUDIT_ENV } from '../config/audit-env';

export { AUDIT_ENV };

export const AuditConfig = z
  .object({
    /** Ed25519 key file for signing ledger heads (local); made on first use. */
    ledgerKeyFile: z.string().min(1).default(path.join('.data', 'audit-ledger-key.pem')),
    /** KMS key (SIGN_VERIFY, ECC_NIST_P256) for signing ledger heads in the cloud; wins over the key file. */
    ledgerKmsKeyId: z.string().min(1).optional(),
    /** Object Lock retention of archive objects (COMPLIANCE mode where the bucket has Object Lock). */
    retentionDays: z.coerce.number().int().min(1).max(36_500).default(2_555),
    /** How often the sweep looks for closed cases not yet archived (a Temporal duration, e.g. "5m"). */
    sweepEvery: z
      .string()
      .regex(/^\d+(s|m|h|d)$/, 'a duration such as 30s, 5m, 1h or 1d')
      .default('5m'),
  })
  .strict();
export type AuditConfig = z.infer<typeof AuditConfig>;

export function auditConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuditConfig {
  const parsed = AuditConfig.safeParse({
    ledgerKeyFile: env[AUDIT_ENV.ledgerKeyFile] || undefined,
    ledgerKmsKeyId: env[AUDIT_ENV.ledgerKmsKeyId] || undefined,
    retentionDays: env[AUDIT_ENV.retentionDays] || undefined,
    sweepEvery: env[AUDIT_ENV.sweepEvery] || undefined,
  });
  if (!parsed.success) {
    const names: Record<string, string> = AUDIT_ENV;
    throw new Error(
      `audit archive settings: ${parsed.error.issues
        .map((issue) => `${names[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}
