import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` (Stripe's scheme). */
export const WEBHOOK_SIGNATURE_HEADER = 'x-saring-signature';

/** How far a signature's timestamp may be from the receiver's clock, either way. */
export const DEFAULT_REPLAY_WINDOW_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header value for a body sent at unixSeconds. */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmacHex(secret, unixSeconds, body)}`;
}

const SignatureHeader = z
  .string()
  .regex(
    /^t=\d{1,12},v1=[0-9a-f]{64}$/,
    'expected "t=<unix seconds>,v1=<64 hex>": sign "t.body" with HMAC-SHA256 and the shared secret',
  )
  .transform((value) => {
    const [t = '', v1 = ''] = value.split(',').map((part) => part.slice(part.indexOf('=') + 1));
    return { timestamp: Number(t), signature: v1 };
  });

export type SignatureCheck =
  { ok: true; timestamp: number; signature: string } | { ok: false; reason: string };

/**
 * Checks a signature header against the raw body: well formed, timestamp within the window of now,
 * HMAC equal (constant time). Replays inside the window are the receiver's to catch: it remembers
 * the signatures it accepted for as long as the window lasts.
 */
export function verifyWebhookSignature(args: {
  secret: string;
  header: string | undefined;
  body: string;
  nowSeconds: number;
  windowSeconds?: number;
}): SignatureCheck {
  const parsed = SignatureHeader.safeParse(args.header ?? '');
  if (!parsed.success)
    return {
      ok: false,
      reason: `bad ${WEBHOOK_SIGNATURE_HEADER} header: ${parsed.error.issues[0]?.message ?? 'malformed'}`,
    };
  const { timestamp, signature } = parsed.data;
  const window = args.windowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS;
  if (Math.abs(args.nowSeconds - timestamp) > window) {
    return {
      ok: false,
      reason: `signature timestamp ${timestamp} is more than ${window} s from now (${args.nowSeconds}); resend with a fresh signature and check the sender's clock`,
    };
  }
  const expected = Buffer.from(hmacHex(args.secret, timestamp, args.body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex')))
    return { ok: false, reason: 'signature does not match the body; check the shared secret' };
  return { ok: true, timestamp, signature };
}
