import type { BoundedResponse } from '../http/bounded-fetch';
import { sha256Hex } from '../../lib/sha256';

export const SNAPSHOT_CONTENT_TYPE = 'application/vnd.saring.snapshot+json';

export interface SnapshotInput {
  caseId: string;
  requestId: string;
  capturedAt: string;
  url?: string;
  /** The text the detection carried (a post's words, a complaint's quote). */
  text?: string;
  response?: BoundedResponse;
  /** Why the URL could not be fetched, when it could not. */
  error?: string;
}

const TEXTUAL =
  /^(text\/|application\/(json|xml|xhtml\+xml|javascript|ld\+json|rss\+xml|atom\+xml))|\+xml|\+json/i;

/**
 * The content as fetched, in one self-contained JSON document: request, final URL, redirects, status,
 * headers, and the body (as text when it is text, else base64) with its own SHA-256. The document's
 * digest is the evidence record's; the body's lets a reviewer check the page bytes alone.
 */
export function snapshotDocument(input: SnapshotInput): Uint8Array {
  const response = input.response;
  const document = {
    schema: 'saring.snapshot/v1',
    caseId: input.caseId,
    requestId: input.requestId,
    capturedAt: input.capturedAt,
    request: input.url ? { url: input.url, method: 'GET' } : null,
    response: response
      ? {
          url: response.url,
          status: response.status,
          redirects: response.redirects,
          headers: response.headers,
          body: encodeBody(response.body, response.headers['content-type'] ?? '', response.truncated),
        }
      : null,
    error: input.error ?? null,
    text: input.text ?? null,
  };
  return new TextEncoder().encode(JSON.stringify(document, null, 2));
}

function encodeBody(bytes: Uint8Array, contentType: string, truncated: boolean) {
  const common = {
    contentType: contentType || null,
    size: bytes.byteLength,
    truncated,
    sha256: sha256Hex(bytes),
  };
  if (TEXTUAL.test(contentType)) {
    try {
      return { ...common, encoding: 'utf8', data: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      // Declared as text but not valid UTF-8 (or cut mid-character): keep the exact bytes.
    }
  }
  return { ...common, encoding: 'base64', data: Buffer.from(bytes).toString('base64') };
}
