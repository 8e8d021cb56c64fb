import { z } from 'zod';
import { RUNTIME_ENV } from './runtime-env';

/** A Temporal-style duration the erasure takes: whole seconds, minutes, hours or days. */
export const ErasureDuration = z
  .string()
  .regex(/^[1-9]\d{0,5}(s|m|h|d)$/, 'a duration such as 30d, 12h, 15m or 90s');

/**
 * The scheduled erasure of reporter contacts (UU PDP, docs/data-protection.md): `after` a case closes its
 * contacts are erased; the Schedule looks for cases due `every` interval.
 */
export const ContactErasureConfig = z.strictObject({
  after: ErasureDuration.default('30d'),
  every: ErasureDuration.default('1h'),
});
export type ContactErasureConfig = z.infer<typeof ContactErasureConfig>;

export function contactErasureConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ContactErasureConfig {
  const parsed = ContactErasureConfig.safeParse({
    after: env[RUNTIME_ENV.contactErasureAfter] || undefined,
    every: env[RUNTIME_ENV.contactErasureEvery] || undefined,
  });
  if (!parsed.success) {
    const names: Record<string, string> = {
      after: RUNTIME_ENV.contactErasureAfter,
      every: RUNTIME_ENV.contactErasureEvery,
    };
    throw new Error(
      `contact erasure settings: ${parsed.error.issues
        .map((issue) => `${names[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds of a duration parsed by ErasureDuration (pure: the erasure workflow uses it too). */
export function erasureDurationMs(duration: string): number {
  const unit = duration.slice(-1) as keyof typeof UNIT_MS;
  return Number(duration.slice(0, -1)) * UNIT_MS[unit];
}
