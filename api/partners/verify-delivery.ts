import {
  matchesAnySecret,
  REPLAY_WINDOW_SECONDS,
  SIGNATURE_HEADER,
  PartnerSignatureHeader,
} from '../../lib/partner-webhook-signature';
import { HttpError } from '../http-error';
import type { Partner } from './partner-config';
import type { ReplayGuard } from './replay-guard';

const HOW_TO_SIGN =
  'Sign as docs/security.md says: X-Saring-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>.';

const refused = (code: string, message: string) => new HttpError(401, code, message);

/**
 * Checks a partner delivery's signature over the raw body bytes, in this order: header present, header
 * well formed, timestamp inside the replay window, a v1 signature made with one of the partner's secrets,
 * not seen before. Throws a 401 saying which and what to do; returns when the delivery may go on.
 */
export function verifyPartnerDelivery(
  partner: Partner,
  header: string | string[] | undefined,
  body: Buffer,
  replays: ReplayGuard,
  nowSeconds = Math.floor(Date.now() / 1000),
): void {
  if (header === undefined || header === '')
    throw refused('signature_missing', `The ${SIGNATURE_HEADER} header is missing. ${HOW_TO_SIGN}`);
  const parsed = PartnerSignatureHeader.safeParse(Array.isArray(header) ? header.join(',') : header);
  if (!parsed.success)
    throw refused(
      'signature_malformed',
      `The ${SIGNATURE_HEADER} header is malformed (${parsed.error.issues.map((i) => i.message).join('; ')}). ${HOW_TO_SIGN}`,
    );
  const { timestamp } = parsed.data;
  const skew = nowSeconds - timestamp;
  if (Math.abs(skew) > REPLAY_WINDOW_SECONDS)
    throw refused(
      'signature_timestamp_out_of_window',
      `The signature's timestamp t=${timestamp} is ${Math.abs(skew)} s ${skew > 0 ? 'old' : 'in the future'}; it must be within ${REPLAY_WINDOW_SECONDS} s of the server clock (${nowSeconds}). Sign each delivery when you send it and keep your clock on NTP.`,
    );
  if (!matchesAnySecret(parsed.data, partner.secrets, body))
    throw refused(
      'signature_mismatch',
      `No v1 signature matches the body under ${partner.id}'s secrets. Sign the exact bytes you send (no re-serialising after signing) with the secret issued for ${partner.id}; during a rotation send one v1= per secret.`,
    );
  if (!replays.firstTime(partner.id, timestamp, body, nowSeconds))
    throw refused(
      'signature_replayed',
      `This signed delivery (t=${timestamp}) was already received. To resend, sign again with a new timestamp (the detectionId keeps a resent detection from counting twice).`,
    );
}
