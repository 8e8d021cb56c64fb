import { z } from 'zod';
import { Category, HoaxLabel } from './categories';
import { Platform } from './places';
import { FreeText } from './free-text';

/** A URL to be taken down on one platform. */
export const TakedownTarget = z.object({
  platform: Platform,
  url: z.url({ protocol: /^https?$/, error: 'a http(s) URL' }).max(4096),
});
export type TakedownTarget = z.infer<typeof TakedownTarget>;

/** Categories a takedown or police verdict can name: every category except hoax (that is a hoax verdict). */
export const ActionCategory = Category.exclude(['hoax']);
export type ActionCategory = z.infer<typeof ActionCategory>;

const Reasons = z.array(FreeText(2_000)).min(1, 'a verdict needs at least one reason').max(20);
const Targets = z.array(TakedownTarget).max(20);

/**
 * The verifier's decision. Which tracks follow from it:
 * - no_violation: none, the case closes;
 * - hoax{label}: clarification (the public label [HOAKS]/[DISINFORMASI]/[MISINFORMASI]), then a public
 *   response unless publicResponse is false; takedown only for targets listed explicitly;
 * - illegal{category}: takedown on every target (the case's own URL when none is listed);
 * - criminal{category}: police escalation and takedown, in parallel.
 */
export const Verdict = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no_violation'), reasons: Reasons }),
  z.object({
    kind: z.literal('hoax'),
    label: HoaxLabel,
    reasons: Reasons,
    takedown: Targets.default([]),
    publicResponse: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('illegal'),
    category: ActionCategory,
    reasons: Reasons,
    takedown: Targets.default([]),
    publicResponse: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('criminal'),
    category: ActionCategory,
    reasons: Reasons,
    takedown: Targets.default([]),
    publicResponse: z.boolean().default(false),
  }),
]);
export type Verdict = z.infer<typeof Verdict>;
export type VerdictKind = Verdict['kind'];

export function verdictCategory(verdict: Verdict): Category | undefined {
  switch (verdict.kind) {
    case 'no_violation':
      return undefined;
    case 'hoax':
      return 'hoax';
    default:
      return verdict.category;
  }
}

/** One line for timelines and notifications: "hoax [HOAKS]", "criminal: fraud". */
export function describeVerdict(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'no_violation':
      return 'no violation';
    case 'hoax':
      return `hoax [${verdict.label}]`;
    default:
      return `${verdict.kind}: ${verdict.category}`;
  }
}

export interface PlannedTracks {
  clarification: boolean;
  response: boolean;
  police: boolean;
  takedowns: TakedownTarget[];
}

/**
 * The tracks a verdict starts. The case's own URL is the default takedown target of illegal and
 * criminal verdicts; targets are de-duplicated per platform and URL.
 */
export function plannedTracks(
  verdict: Verdict,
  subject: { url?: string; platform?: Platform },
): PlannedTracks {
  if (verdict.kind === 'no_violation')
    return { clarification: false, response: false, police: false, takedowns: [] };
  let targets = verdict.takedown;
  if (targets.length === 0 && verdict.kind !== 'hoax' && subject.url) {
    targets = [{ platform: subject.platform ?? 'website', url: subject.url }];
  }
  const seen = new Set<string>();
  const takedowns = targets.filter((target) => {
    const key = `${target.platform} ${target.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    clarification: verdict.kind === 'hoax',
    response: verdict.publicResponse,
    police: verdict.kind === 'criminal',
    takedowns,
  };
}
