import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_REPLAY_WINDOW_SECONDS, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature';

/**
 * Incoming partner webhooks use the same scheme as the notification webhooks Saring sends
 * (lib/webhook-signature.ts), widened for the receiving side: raw bytes, and several v1= values so a
 * partner can sign with its old and new secret while a rotation overlaps.
 */
export const SIGNATURE_HEADER = WEBHOOK_SIGNATURE_HEADER;
export const REPLAY_WINDOW_SECONDS = DEFAULT_REPLAY_WINDOW_SECONDS;

const Hex64 = /^[0-9a-f]{64}$/;

/**
 * The header parsed: one timestamp, one or more v1 signatures (several while a sender signs with both the
 * old and new secret). Other schemes (v0=...) are ignored, so a later v2 does not break v1 senders.
 */
export const PartnerSignatureHeader = z
  .string()
  .max(2048, 'the header is over 2048 characters')
  .transform((text, context) => {
    const pairs = text.split(',').map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [part.trim(), ''] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    });
    const times = pairs.filter(([key]) => key === 't').map(([, value]) => value!);
    const v1 = pairs.filter(([key]) => key === 'v1').map(([, value]) => value!.toLowerCase());
    if (times.length !== 1 || !/^\d{1,12}$/.test(times[0]!))
      context.addIssue({ code: 'custom', message: 'exactly one t=<unix seconds>' });
    if (v1.length === 0 || v1.length > 4 || !v1.every((sig) => Hex64.test(sig)))
      context.addIssue({ code: 'custom', message: '1 to 4 v1=<64 hex characters of HMAC-SHA256>' });
    return { timestamp: Number(times[0]), v1 };
  });
export type PartnerSignatureHeader = z.infer<typeof PartnerSignatureHeader>;

/** HMAC-SHA256(secret, "<t>.<raw body>") as lowercase hex. */
export function signPartnerBody(secret: Buffer | string, timestamp: number, body: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The header value for a body signed now with each of the secrets. */
export function partnerSignatureHeader(
  secrets: readonly (Buffer | string)[],
  body: Buffer | string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return [
    `t=${timestamp}`,
    ...secrets.map((secret) => `v1=${signPartnerBody(secret, timestamp, body)}`),
  ].join(',');
}

/**
 * Whether any of the header's signatures is the body's under any of the secrets. Every pair is compared
 * in constant time (timingSafeEqual on equal-length digests), and all of them, so the time taken says
 * nothing about which secret or how many bytes matched.
 */
export function matchesAnySecret(
  header: PartnerSignatureHeader,
  secrets: readonly Buffer[],
  body: Buffer,
): boolean {
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(signPartnerBody(secret, header.timestamp, body), 'hex');
    for (const sent of header.v1) {
      if (timingSafeEqual(expected, Buffer.from(sent, 'hex'))) matched = true;
    }
  }
  return matched;
}
