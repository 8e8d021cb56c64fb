import type { z } from 'zod';
import type { EvidenceKind } from '../../domain/evidence';
import { sha256Hex } from '../../lib/sha256';

/** Characters kept as they are in a key segment; S3 allows more, but these are safe in every tool. */
const SAFE_SEGMENT = /^[A-Za-z0-9._:-]{1,200}$/;

function segment(value: string): string {
  // "." and ".." are kept out: tools that mirror buckets to disk would read them as directories.
  if (SAFE_SEGMENT.test(value) && !/^\.+$/.test(value)) return value;
  // Readable prefix plus a digest, so different ids never collide after cleaning.
  return `${value.replace(/[^A-Za-z0-9._:-]+/g, '_').slice(0, 80)}~${sha256Hex(value).slice(0, 16)}`;
}

/**
 * One key per case, kind and request: a retried step (same requestId) lands on the same key, where the
 * create-only write finds the first attempt's object instead of adding a second.
 */
export function evidenceKey(
  caseId: string,
  kind: z.infer<typeof EvidenceKind>,
  requestId: string,
  extension: string,
): string {
  return `cases/${segment(caseId)}/${kind}/${segment(requestId)}${extension}`;
}
