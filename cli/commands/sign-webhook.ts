import fs from 'node:fs';
import { z } from 'zod';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { partnerSignatureHeader } from '../../lib/partner-webhook-signature';

const SECRET_ENV = 'SARING_PARTNER_SECRET';

function readFileOrExplain(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${file}: ${(error as Error).message}`);
  }
}

/**
 * For partners wiring up their sender: the X-Saring-Signature value for a body file, to compare with what
 * their code computes. The secret comes from a file or the environment, never the command line (ps shows it).
 */
export const signWebhook = defineCommand({
  words: ['sign-webhook'],
  summary: "the X-Saring-Signature header for a partner webhook body (partners' test aid)",
  usage:
    'saring sign-webhook <bodyFile> (--secret-file <path> | SARING_PARTNER_SECRET) [--timestamp <unix s>]',
  help: `Signs the file's exact bytes: t=<timestamp>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")> (docs/security.md).
Send the body unchanged (curl --data-binary @file). --timestamp defaults to now; the API takes 5 minutes either way.
Example: SARING_PARTNER_SECRET=... saring sign-webhook detection.json`,
  positionals: z.tuple([z.string().min(1, 'the body file')]),
  flags: z.strictObject({
    secretFile: z.string().min(1).optional(),
    timestamp: z.coerce.number().int().min(0).max(99_999_999_999).optional(),
  }),
  async run({ args: [bodyFile], flags, ctx }) {
    const secret = flags.secretFile
      ? readFileOrExplain(flags.secretFile, 'secret file').toString('utf8').trim()
      : ctx.env[SECRET_ENV];
    if (!secret) throw new UsageError(`no secret: pass --secret-file <path> or set ${SECRET_ENV}`);
    const timestamp = flags.timestamp ?? Math.floor(Date.now() / 1000);
    const header = partnerSignatureHeader([secret], readFileOrExplain(bodyFile, 'body file'), timestamp);
    ctx.out(ctx.json ? JSON.stringify({ header: 'X-Saring-Signature', value: header, timestamp }) : header);
  },
});
