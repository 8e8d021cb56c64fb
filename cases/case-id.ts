import { sha256Hex } from '../lib/sha256';

/**
 * Case ids. A case id is derived from what identifies the content, so every detection of the same
 * content lands on the same case:
 *   1. the canonical URL (lib/url/canonicalize.ts) when the detection has a URL;
 *   2. else the SHA-256 of the content (contentSha256);
 *   3. else the SHA-256 of the normalised text.
 * The key is hashed again with its kind ("url:", "sha256:", "text:") and the first 80 bits are the id:
 * `case-<20 hex>`. That id is the Temporal workflow id of the first case for that content; a case
 * opened after the previous one closed (a re-upload) is generation n with the id `case-<20 hex>.<n>`.
 */
export const CASE_BASE_ID = /^case-[a-f0-9]{20}$/;
export const CASE_ID = /^(case-[a-f0-9]{20})(?:\.([0-9]{1,4}))?$/;

export interface ContentIdentity {
  /** Already canonical (canonicalizeUrl(raw).url). */
  canonicalUrl?: string;
  contentSha256?: string;
  text?: string;
}

/** NFKC, zero-width characters removed, lower case, whitespace collapsed: cosmetic edits of a hoax text give the same key. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The identity key a case id is derived from, e.g. "url:https://example.com/a". */
export function identityKey(identity: ContentIdentity): string {
  if (identity.canonicalUrl) return `url:${identity.canonicalUrl}`;
  if (identity.contentSha256) {
    if (!/^[a-f0-9]{64}$/.test(identity.contentSha256))
      throw new Error('contentSha256 must be 64 lowercase hex characters');
    return `sha256:${identity.contentSha256}`;
  }
  if (identity.text && normalizeText(identity.text).length > 0)
    return `text:${sha256Hex(normalizeText(identity.text))}`;
  throw new Error('a case id needs a canonical URL, a content SHA-256 or a text');
}

/** `case-<first 20 hex of sha256(identity key)>`. */
export function caseBaseId(identity: ContentIdentity): string {
  return `case-${sha256Hex(identityKey(identity)).slice(0, 20)}`;
}

/** The workflow id of generation `generation` (1 = the first case) of a base id. */
export function caseWorkflowId(baseId: string, generation: number): string {
  if (!CASE_BASE_ID.test(baseId)) throw new Error(`not a case base id: ${baseId}`);
  if (!Number.isInteger(generation) || generation < 1 || generation > 9999)
    throw new Error(`bad generation ${generation}`);
  return generation === 1 ? baseId : `${baseId}.${generation}`;
}

export function parseCaseId(caseId: string): { baseId: string; generation: number } {
  const match = CASE_ID.exec(caseId);
  if (!match) throw new Error(`not a case id: ${caseId}`);
  return { baseId: match[1]!, generation: match[2] ? Number(match[2]) : 1 };
}
