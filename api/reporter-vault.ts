import crypto from 'node:crypto';
import { z } from 'zod';
import type { ReporterContact } from '../domain';

/**
 * Confidential reporter contacts, kept apart from cases: a case only ever sees the opaque
 * `reporterRef`, and the reporter follows progress with a tracking code that only they hold. The
 * vault stores the code's SHA-256, not the code. Records live in S3 (one object per complaint), the
 * contact sealed by envelope encryption (docs/data-protection.md), so every API instance shares them.
 */
export interface ReporterVault {
  /** Records a complaint's contact and case; returns the reporter's tracking code. */
  store(entry: {
    reporterRef: string;
    caseId: string;
    contact?: ReporterContact;
    /** false: over the per-case cap, the complaint was counted here and not signalled into the case. */
    signalled?: boolean;
  }): Promise<{ trackingCode: string }>;
  /** The case a tracking code follows (never the contact). */
  findByTrackingCode(trackingCode: string): Promise<{ caseId: string; submittedAt: string } | undefined>;
  /** Complaints recorded for a case: signalled into it, and held back over the cap. */
  complaintsFor(caseId: string): Promise<{ signalled: number; held: number }>;
  /** The highest generation of a content's case that public complaints reached, if any. */
  latestCaseOf(baseId: string): Promise<string | undefined>;
  /** The decrypted contact (officer follow-up); undefined when none was given or it was erased. */
  readContact(reporterRef: string): Promise<ReporterContact | undefined>;
  /** Erases the contact for good (UU PDP): the record keeps only that it was erased, when and why. */
  eraseContact(reporterRef: string, reason: string): Promise<{ erased: boolean }>;
}

/** Tracking codes as reporters type them: "SRG-" and 24 characters of base32 (no 0/1/O/I to misread). */
export const TrackingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^SRG-[A-Z2-9]{24}$/, 'a tracking code like SRG-ABCDEFGH... as shown when the complaint was sent');

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function randomCode(length: number): string {
  const bytes = crypto.randomBytes(length);
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

export function newTrackingCode(): string {
  return `SRG-${randomCode(24)}`;
}

export function newReporterRef(): string {
  return `rep_${crypto.randomBytes(18).toString('base64url')}`;
}
