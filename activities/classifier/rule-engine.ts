import type { Category } from '../../domain/categories';
import { skeletonOf, type NormalizedText } from './normalize';

/**
 * A rule is evidence for one category. Phrases are written in plain words and matched on the text's
 * skeleton, so obfuscated spellings match without listing them. In a phrase, a trailing `*` allows
 * any word ending ("pornografi" for "porn*"), a leading `*` any beginning.
 */
export interface RuleSpec {
  /** Stable id shown to the verifier, e.g. "gambling.slot_gacor". */
  id: string;
  /** Added to the category's score when the rule fires; negative for counter-evidence. */
  weight: number;
  /** Fires when any phrase occurs. */
  any?: readonly string[];
  /** Fires when every group has a phrase that occurs (co-occurrence, e.g. a person and an accusation). */
  all?: readonly (readonly string[])[];
  /** Single words also searched inside run-together text ("slotgacor88", domain names). */
  joined?: readonly string[];
  /** On the plain view, for what the skeleton loses (digits, symbols like "18+" or ".apk"). */
  pattern?: RegExp;
  /**
   * Words this category shares with another (pay first, cheap: what any seller says): the rule still
   * fires, but its weight does not count when a rule of that category with weight ≥ STRONG_RULE_WEIGHT fired.
   */
  yieldsTo?: Category;
}

/** A rule this strong names the subject itself (a good, a scheme), not just the talk around it. */
export const STRONG_RULE_WEIGHT = 0.6;

export interface CategoryRuleSet {
  category: Category;
  rules: readonly RuleSpec[];
}

interface Phrase {
  text: string;
  open: { start: boolean; end: boolean };
  /** Multi-word phrases are also looked for with the spaces removed ("judionline"). */
  compact?: string;
}

export interface CompiledRule {
  id: string;
  weight: number;
  yieldsTo?: Category;
  matches(text: MatchableText): boolean;
}

export interface MatchableText extends NormalizedText {
  /** The skeleton padded with spaces, for word-boundary search. */
  padded: string;
}

export function matchable(normalized: NormalizedText): MatchableText {
  return { ...normalized, padded: ` ${normalized.skeleton} ` };
}

function compilePhrase(raw: string): Phrase {
  const start = raw.startsWith('*');
  const end = raw.endsWith('*');
  const { skeleton, compact } = skeletonOf(raw.replace(/^\*|\*$/g, '').toLowerCase());
  const phrase: Phrase = { text: skeleton, open: { start, end } };
  if (skeleton.includes(' ') && compact.length >= 8) phrase.compact = compact;
  return phrase;
}

function phraseOccurs(phrase: Phrase, text: MatchableText): boolean {
  const needle = `${phrase.open.start ? '' : ' '}${phrase.text}${phrase.open.end ? '' : ' '}`;
  if (text.padded.includes(needle)) return true;
  return phrase.compact !== undefined && text.compact.includes(phrase.compact);
}

export function compileRule(spec: RuleSpec): CompiledRule {
  const any = spec.any?.map(compilePhrase);
  const all = spec.all?.map((group) => group.map(compilePhrase));
  const joined = spec.joined?.map((word) => skeletonOf(word.toLowerCase()).compact);
  return {
    id: spec.id,
    weight: spec.weight,
    ...(spec.yieldsTo ? { yieldsTo: spec.yieldsTo } : {}),
    matches(text) {
      if (any?.some((phrase) => phraseOccurs(phrase, text))) return true;
      if (all?.every((group) => group.some((phrase) => phraseOccurs(phrase, text)))) return true;
      if (joined?.some((word) => text.compact.includes(word))) return true;
      return spec.pattern !== undefined && spec.pattern.test(text.plain);
    },
  };
}
