/** The reporter vault's default key prefix inside its bucket. */
export const DEFAULT_VAULT_PREFIX = 'reporter-vault/';

/**
 * Object keys of the reporter vault (api/s3-reporter-vault.ts writes them; the contact erasure in the
 * worker lists and deletes them without ever reading a contact).
 */
export function reporterVaultKeys(prefix: string) {
  const complaints = (caseId: string, kind: 'signalled' | 'held') => `${prefix}cases/${caseId}/${kind}/`;
  return {
    record: (reporterRef: string) => `${prefix}records/${encodeURIComponent(reporterRef)}.json`,
    /** Empty markers, one per complaint: `<complaints>/<encoded reporterRef>`. */
    complaints,
    complaintMarker: (caseId: string, kind: 'signalled' | 'held', reporterRef: string) =>
      `${complaints(caseId, kind)}${encodeURIComponent(reporterRef)}`,
  };
}
