import { z } from 'zod';
import { Category } from './categories';
import { Platform, Region } from './places';
import { OfficerId } from './roles';
import { FreeText } from './free-text';

export const DETECTION_SOURCES = ['crawler', 'officer', 'public_complaint', 'partner'] as const;
export const DetectionSource = z.enum(DETECTION_SOURCES);
export type DetectionSource = z.infer<typeof DetectionSource>;

export const Sha256Hex = z
  .string()
  .regex(/^[a-f0-9]{64}$/, 'a SHA-256 digest as 64 lowercase hex characters');

/**
 * The public reporter's contact. Confidential: it is kept outside the case state and history (only an
 * opaque reference travels with the case), so neither queries nor exports can reveal it.
 */
export const ReporterContact = z
  .object({
    name: FreeText(200).optional(),
    email: z.email().optional(),
    phone: z
      .string()
      .regex(
        /^\+?[0-9 ()-]{6,20}$/,
        'a phone number of 6-20 digits, optionally with +, spaces, dashes or brackets',
      )
      .optional(),
  })
  .refine((contact) => contact.email || contact.phone, 'a reporter contact needs an email or a phone number');
export type ReporterContact = z.infer<typeof ReporterContact>;

/**
 * One report of a piece of content, from any source. A detection needs something to identify the
 * content: a URL, the text, or a content hash.
 */
export const Detection = z
  .object({
    source: DetectionSource,
    /** Who or what reported it: crawler name, officer id, partner name, or "public". */
    reportedBy: z.string().trim().min(1).max(120),
    url: z
      .url({ protocol: /^https?$/, error: 'a http(s) URL' })
      .max(4096)
      .optional(),
    text: z.string().trim().min(1).max(20_000).optional(),
    contentSha256: Sha256Hex.optional(),
    platform: Platform.optional(),
    region: Region.default('unknown'),
    observedAt: z.iso.datetime({ offset: true }),
    /** The reporter's own words: why this is harmful. */
    reason: FreeText(2_000, 0).optional(),
    /** A category suggested by the source (crawler feed, partner); the classifier still runs. */
    suggestedCategory: Category.optional(),
    /** Opaque handle to a confidential reporter contact held outside the workflow (see ReporterContact). */
    reporterRef: z
      .string()
      .regex(/^rep_[A-Za-z0-9_-]{8,64}$/)
      .optional(),
    /** Officer who entered it, when source is officer. */
    officerId: OfficerId.optional(),
    /** The sender's id for this detection (a crawler's item id, an API Idempotency-Key): a retried delivery with the same id is counted once. */
    detectionId: z
      .string()
      .regex(/^[A-Za-z0-9:._-]{1,128}$/, 'a detection id of 1-128 characters [A-Za-z0-9:._-]')
      .optional(),
    /** SHA-256 of the full text when `text` was shortened by the sender (the full text travels once, with the case's start). */
    textSha256: Sha256Hex.optional(),
  })
  .refine((d) => d.url || d.text || d.contentSha256, {
    message: 'a detection needs a url, text or contentSha256 to identify the content',
  });
export type Detection = z.infer<typeof Detection>;

/** A detection as a sender writes it (before defaults such as region "unknown"). */
export type DetectionInput = z.input<typeof Detection>;

/**
 * Detections of one case that reached a sender while its previous signal to the case was under way,
 * sent as one signal (cases/detection-coalescer.ts). Each item is parsed as a Detection on its own:
 * a bad one is counted as rejected and the others still count.
 */
export const MAX_DETECTIONS_PER_SIGNAL = 100;
export const DetectionBatch = z.array(z.unknown()).min(1).max(MAX_DETECTIONS_PER_SIGNAL);
