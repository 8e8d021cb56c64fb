import { z } from 'zod';
import { Sha256Hex } from './detection';
import { OfficerId } from './roles';

export const EVIDENCE_KINDS = [
  'snapshot',
  'screenshot',
  'document',
  'police_package',
  'history_archive',
] as const;
export const EvidenceKind = z.enum(EVIDENCE_KINDS);

/** Where one piece of evidence sits in the evidence bucket, and the digest that proves it unaltered. */
export const EvidenceRecord = z.object({
  kind: EvidenceKind,
  bucket: z.string().min(3),
  key: z.string().min(1),
  /** S3 object version: evidence keys are never overwritten, and this pins the exact bytes. */
  versionId: z.string().min(1).optional(),
  sha256: Sha256Hex,
  size: z.number().int().nonnegative(),
  contentType: z.string().min(1),
  capturedAt: z.iso.datetime({ offset: true }),
  /** The officer who uploaded it; absent for automatic snapshots. */
  uploadedBy: OfficerId.optional(),
  /** For snapshots: what fetching the URL gave (status, or the error when it could not be fetched). */
  fetch: z
    .object({ url: z.string(), status: z.number().int().optional(), error: z.string().optional() })
    .optional(),
});
export type EvidenceRecord = z.infer<typeof EvidenceRecord>;
