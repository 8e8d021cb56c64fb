import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ReporterContact } from '../domain';
import { sha256Hex } from '../lib/sha256';
import { parseCaseId } from '../cases/case-id';

/**
 * Confidential reporter contacts, kept apart from cases: a case only ever sees the opaque
 * `reporterRef`, and the reporter follows progress with a tracking code that only they hold. The
 * vault stores the code's SHA-256, not the code. In the cloud this would be a KMS-encrypted table;
 * locally it is a JSON-lines file readable by its owner only.
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
  findByTrackingCode(trackingCode: string): { caseId: string; submittedAt: string } | undefined;
  /** Complaints recorded for a case: signalled into it, and held back over the cap. */
  complaintsFor(caseId: string): { signalled: number; held: number };
  /** The highest generation of a content's case that public complaints reached, if any. */
  latestCaseOf(baseId: string): string | undefined;
}

/** Tracking codes as reporters type them: "SRG-" and 24 characters of base32 (no 0/1/O/I to misread). */
export const TrackingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^SRG-[A-Z2-9]{24}$/, 'a tracking code like SRG-ABCDEFGH... as shown when the complaint was sent');

const VaultLine = z.object({
  trackingSha256: z.string().regex(/^[a-f0-9]{64}$/),
  reporterRef: z.string(),
  caseId: z.string(),
  submittedAt: z.string(),
  contact: ReporterContact.optional(),
  /** Lines written before the per-case cap existed were all signalled. */
  signalled: z.boolean().default(true),
});
type VaultLine = z.infer<typeof VaultLine>;

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

/** The local vault: one JSON line per complaint, file mode 0600 in a 0700 folder, read once at start. */
export function fileReporterVault(file: string): ReporterVault {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(file, 'a', 0o600);
  fs.closeSync(fd);
  // A file created by hand or restored from a backup may be wider open than it should be.
  fs.chmodSync(file, 0o600);

  const byTracking = new Map<string, Pick<VaultLine, 'caseId' | 'submittedAt'>>();
  const perCase = new Map<string, { signalled: number; held: number }>();
  const latest = new Map<string, { caseId: string; generation: number }>();
  const count = (caseId: string, signalled: boolean) => {
    const { baseId, generation } = parseCaseId(caseId);
    if ((latest.get(baseId)?.generation ?? 0) < generation) latest.set(baseId, { caseId, generation });
    const counts = perCase.get(caseId) ?? { signalled: 0, held: 0 };
    if (signalled) counts.signalled += 1;
    else counts.held += 1;
    perCase.set(caseId, counts);
  };
  for (const [index, text] of fs.readFileSync(file, 'utf8').split('\n').entries()) {
    if (!text.trim()) continue;
    const parsed = VaultLine.safeParse(JSON.parse(text));
    if (!parsed.success)
      throw new Error(`reporter vault ${file} line ${index + 1} is damaged: fix or remove it`);
    byTracking.set(parsed.data.trackingSha256, {
      caseId: parsed.data.caseId,
      submittedAt: parsed.data.submittedAt,
    });
    count(parsed.data.caseId, parsed.data.signalled);
  }

  let writes: Promise<void> = Promise.resolve();
  return {
    async store({ reporterRef, caseId, contact, signalled = true }) {
      const trackingCode = newTrackingCode();
      const line: VaultLine = {
        trackingSha256: sha256Hex(trackingCode),
        reporterRef,
        caseId,
        submittedAt: new Date().toISOString(),
        ...(contact ? { contact } : {}),
        signalled,
      };
      // Appends one at a time, so concurrent complaints never interleave within a line.
      const write = writes.then(() =>
        fs.promises.appendFile(file, `${JSON.stringify(line)}\n`, { mode: 0o600 }),
      );
      writes = write.catch(() => undefined);
      await write;
      byTracking.set(line.trackingSha256, { caseId, submittedAt: line.submittedAt });
      count(caseId, signalled);
      return { trackingCode };
    },
    latestCaseOf(baseId) {
      return latest.get(baseId)?.caseId;
    },
    complaintsFor(caseId) {
      return { ...(perCase.get(caseId) ?? { signalled: 0, held: 0 }) };
    },
    findByTrackingCode(trackingCode) {
      return byTracking.get(sha256Hex(trackingCode));
    },
  };
}
