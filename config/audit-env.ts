/** Environment variables of the audit archive (worker side); infra sets them on the worker task. */
export const AUDIT_ENV = {
  ledgerKeyFile: 'SARING_LEDGER_KEY_FILE',
  ledgerKmsKeyId: 'SARING_LEDGER_KMS_KEY_ID',
  retentionDays: 'SARING_AUDIT_RETENTION_DAYS',
  sweepEvery: 'SARING_AUDIT_SWEEP_EVERY',
  /** The git commit the image was built from (Dockerfile build arg), recorded in each archive manifest. */
  codeCommit: 'SARING_CODE_COMMIT',
} as const;
