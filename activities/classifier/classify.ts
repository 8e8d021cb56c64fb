import type { Category } from '../../domain/categories';
import type { Classification } from '../../domain/classification';
import { normalizeText } from './normalize';
import { SUGGESTED_PRIORITY } from './priority';
import { compileRule, matchable, STRONG_RULE_WEIGHT, type CompiledRule } from './rule-engine';
import { CATEGORY_RULE_SETS, REPORTING_CONTEXT, REPORTING_DAMPING } from './rules';

/** A category needs at least this score to be suggested. */
export const CATEGORY_THRESHOLD = 1.0;
/** Runner-ups from this score on are listed as alternatives. */
const ALTERNATIVE_THRESHOLD = 0.5;

const compiled: { category: Category; rules: CompiledRule[] }[] = CATEGORY_RULE_SETS.map((set) => ({
  category: set.category,
  rules: set.rules.map(compileRule),
}));
const reportingContext = compileRule(REPORTING_CONTEXT);

/** Maps a score (sum of rule weights) onto 0..1: one strong rule ≈ 0.5, three ≈ 0.9. */
function confidenceOf(score: number): number {
  return score <= 0 ? 0 : Math.min(0.99, Math.round((1 - Math.exp(-0.7 * score)) * 100) / 100);
}

/** URL words count as text: spam domains carry the message ("slotgacor-maxwin88.example"). */
export function urlWords(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // Keep it as it is.
  }
  return decoded.replace(/^[a-z]+:\/\//i, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/**
 * Rule-based classification for triage. It informs priority and routing and shows the verifier why;
 * it never decides a verdict.
 */
export function classify(input: { text?: string; url?: string }): Classification {
  const raw = [input.text ?? '', input.url ? urlWords(input.url) : ''].join('\n');
  const text = matchable(normalizeText(raw));
  const reporting = reportingContext.matches(text);
  const fired: string[] = reporting ? [reportingContext.id] : [];

  const matched = compiled.map(({ category, rules }) => ({
    category,
    rules: rules.filter((rule) => rule.matches(text)),
  }));
  const strong = new Set(
    matched
      .filter(({ rules }) => rules.some((rule) => rule.weight >= STRONG_RULE_WEIGHT))
      .map(({ category }) => category),
  );
  const scores = matched.map(({ category, rules }) => {
    let score = 0;
    for (const rule of rules) {
      fired.push(rule.id);
      if (!(rule.yieldsTo && strong.has(rule.yieldsTo))) score += rule.weight;
    }
    return { category, score: reporting ? score * REPORTING_DAMPING : score };
  });
  // Stable sort keeps severity order on ties.
  const ranked = [...scores].sort((a, b) => b.score - a.score);
  const top = ranked[0];
  const category = top && top.score >= CATEGORY_THRESHOLD ? top.category : undefined;
  return {
    category,
    confidence: confidenceOf(top?.score ?? 0),
    rules: fired,
    alternatives: ranked
      .slice(category ? 1 : 0)
      .filter((entry) => entry.score >= ALTERNATIVE_THRESHOLD)
      .map((entry) => ({ category: entry.category, confidence: confidenceOf(entry.score) })),
    suggestedPriority: category ? SUGGESTED_PRIORITY[category] : 'normal',
  };
}
