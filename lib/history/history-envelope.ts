import { sha256Hex } from '../sha256';

export const HISTORY_SCHEMAS = {
  export: 'saring.history-export/v1',
  archive: 'saring.history-archive/v1',
} as const;

/**
 * Exports, archives and their digests cover the history as Temporal stores it: every payload in its
 * encoded form, i.e. sealed by the payload codec (AES-256-GCM), never decrypted. So a digest never
 * depends on who decoded it, and an export leaks no case text; an auditor who needs the content decodes
 * through the codec server (`temporal workflow show --codec-endpoint <api>/api/codec`).
 */
export const HISTORY_PAYLOAD_FORM = 'encoded' as const;
export const HISTORY_PAYLOADS_HEADER = 'x-saring-history-payloads';

/** SHA-256 of the history JSON's UTF-8 bytes: the digest auditors compare across exports and archives. */
export function historySha256(historyJson: string): string {
  return sha256Hex(historyJson);
}

/**
 * A history wrapped in a header: `{schema,payloads:"encoded",...header,"history":<history>}`. The history text is spliced in as
 * it is, never re-serialized, so a reader can cut it out byte for byte (lib/history/history-file.ts)
 * and its digest stays the one the header or the case recorded.
 */
export function historyEnvelope(
  schema: (typeof HISTORY_SCHEMAS)[keyof typeof HISTORY_SCHEMAS],
  header: Record<string, unknown>,
  historyJson: string,
): string {
  const head = JSON.stringify({ schema, payloads: HISTORY_PAYLOAD_FORM, ...header });
  return `${head.slice(0, -1)},"history":${historyJson}}`;
}
