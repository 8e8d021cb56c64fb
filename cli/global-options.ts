import { z } from 'zod';

/** Options every command takes (a command may reuse a name: "case act" takes --json as its payload). */
export const GlobalFlags = z.object({
  api: z
    .url({ protocol: /^https?$/, error: '--api must be an http(s) URL, e.g. http://127.0.0.1:8080' })
    .optional(),
  token: z.string().min(16, 'the token looks too short').optional(),
  json: z.literal(true).optional(),
  output: z.enum(['text', 'json']).optional(),
});
export type GlobalFlags = z.infer<typeof GlobalFlags>;

/** The global options that take no value. */
export const GLOBAL_BOOLEANS = ['json'];
