import { z } from 'zod';
import { canonicalJson } from '../lib/canonical-json';
import { CodeVersion } from './code-version';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');

/** One archived run: where its document is and what the document's bytes hash to. */
export const ArchivedRun = z.strictObject({
  index: z.number().int().min(1),
  runId: z.string().min(1),
  /** The run this one continued (its first event's `continuedExecutionRunId`); null for the first. */
  continuedExecutionRunId: z.string().min(1).nullable(),
  workflowType: z.string().min(1),
  status: z.string().min(1),
  startTime: z.string(),
  closeTime: z.string().nullable(),
  eventCount: z.number().int().min(0),
  key: z.string().min(1),
  sha256: Sha256,
  /** The code version (absent in manifests written before it was recorded): `audit replay --code recorded`. */
  code: CodeVersion.optional(),
});
export type ArchivedRun = z.infer<typeof ArchivedRun>;

export const ArchivedChild = z.strictObject({
  workflowId: z.string().min(1),
  /** The case run whose history started it. */
  startedByRunId: z.string().min(1),
  runs: z.array(ArchivedRun).min(1),
});
export type ArchivedChild = z.infer<typeof ArchivedChild>;

export const MANIFEST_SCHEMA = 'saring.case-manifest/v1';
export const CaseManifest = z.strictObject({
  schema: z.literal(MANIFEST_SCHEMA),
  caseId: z.string().min(1),
  lastRunId: z.string().min(1),
  archivedAt: z.string(),
  runs: z.array(ArchivedRun).min(1),
  children: z.array(ArchivedChild),
});
export type CaseManifest = z.infer<typeof CaseManifest>;

export const LEDGER_ENTRY_SCHEMA = 'saring.ledger-entry/v1';
export const GENESIS = '0'.repeat(64);
export const LedgerEntry = z.strictObject({
  schema: z.literal(LEDGER_ENTRY_SCHEMA),
  seq: z.number().int().min(1),
  appendedAt: z.string(),
  caseId: z.string().min(1),
  manifestKey: z.string().min(1),
  manifestSha256: Sha256,
  /** SHA-256 of the previous entry's bytes (64 zeros for entry 1). */
  previousSha256: Sha256,
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LEDGER_HEAD_SCHEMA = 'saring.ledger-head/v1';
export const SignatureAlgorithm = z.enum(['ed25519', 'ecdsa-p256-sha256']);
export type SignatureAlgorithm = z.infer<typeof SignatureAlgorithm>;
export const UnsignedHead = z.strictObject({
  schema: z.literal(LEDGER_HEAD_SCHEMA),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  seq: z.number().int().min(1),
  entrySha256: Sha256,
  signedAt: z.string(),
  keyId: z.string().min(1),
  algorithm: SignatureAlgorithm,
});
export const LedgerHead = UnsignedHead.extend({ signature: z.string().min(1) });
export type LedgerHead = z.infer<typeof LedgerHead>;

/** The one encoding of every archive document: sorted keys, so its digest depends on its content only. */
export function encodeDocument(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${canonicalJson(value)}\n`);
}

/** The bytes a head's signature covers: the head without its signature, encoded as above. */
export function signedBytesOf(head: z.infer<typeof UnsignedHead>): Uint8Array {
  return encodeDocument(UnsignedHead.parse(head));
}

export function decodeDocument<T>(schema: z.ZodType<T>, bytes: Uint8Array): T {
  return schema.parse(JSON.parse(new TextDecoder().decode(bytes)));
}
