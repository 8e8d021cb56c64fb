import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../../toolchain/paths';

/** `npm run bench:peak -- --detections 500 --out dir`: every flag is optional. */
export const PeakArgs = z.strictObject({
  /** The national peak day: 14,238 detections. */
  detections: z.coerce.number().int().min(50).max(200_000).default(14_238),
  repeatShare: z.coerce.number().min(0).max(0.9).default(0.2),
  seed: z.coerce.number().int().default(14),
  /** Officer updates timed per side and concurrency. */
  updates: z.coerce.number().int().min(20).max(10_000).default(200),
  timeoutMinutes: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(120),
  out: z
    .string()
    .min(1)
    .default(path.join(DATA_DIR, 'bench', 'peak')),
  /** Keep the platform's data folder (logs, SQLite, S3) after the run. */
  keep: z.enum(['true', 'false']).default('false'),
});
export type PeakArgs = z.infer<typeof PeakArgs>;

/** Reads `--name value` and `--name=value` pairs; an unknown flag or a bad value is a usage error naming it. */
export function parseFlags<S extends z.ZodType>(schema: S, argv: string[], usage: string): z.infer<S> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]!);
    if (!match) throw new Error(`unexpected argument "${argv[i]}"\n${usage}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value\n${usage}`);
    raw[match[1]!.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${z.prettifyError(parsed.error)}\n${usage}`);
  return parsed.data;
}
