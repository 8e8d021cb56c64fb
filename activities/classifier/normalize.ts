import { foldLookalikes } from './confusables';

/** Three views of one text, from most to least literal; rules pick the view they need. */
export interface NormalizedText {
  /** Lower case, look-alikes folded, invisible characters and accents removed. Digits intact. */
  plain: string;
  /** `plain` with leetspeak decoded, spaced-out letters joined, i/l merged and repeats collapsed. */
  skeleton: string;
  /** `skeleton` without spaces, for phrases written as one word ("slotgacor") or split oddly. */
  compact: string;
}

/** Format characters (zero-width space/joiners, bidi marks, soft hyphen, BOM) and Hangul fillers. */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164]/gu;
/** Accents, combining overlays ("s̶l̶o̶t̶"), variation selectors and the grapheme joiner are all marks. */
const MARKS = /\p{M}+/gu;
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
};
/** A run of at least three single characters with the same separator: "s l o t", "j.u.d.i", "p-o-r-n". */
const SPACED_OUT =
  /(?<![\p{L}\p{N}])[\p{L}\p{N}](?:([ .\-_*·•/+])[\p{L}\p{N}](?![\p{L}\p{N}]))(?:\1[\p{L}\p{N}](?![\p{L}\p{N}]))+/gu;

/** Pictographic emoji (their variation selectors are marks, already removed). */
const EMOJI = /\p{Extended_Pictographic}/gu;

export function normalizeText(raw: string): NormalizedText {
  const folded = foldLookalikes(
    raw.normalize('NFKC').replace(INVISIBLE, '').normalize('NFD').replace(MARKS, '').toLowerCase(),
  );
  return { plain: folded.replace(/\s+/g, ' ').trim(), ...skeletonOf(folded) };
}

/**
 * The skeleton of a rule's phrase is computed the same way, so rules and text always agree. Runs of
 * whitespace still separate words here: "s l o t   g a c o r" is two spaced-out words.
 */
export function skeletonOf(folded: string): { skeleton: string; compact: string } {
  // Emoji used as letter separators ("s🎰l🎰o🎰t") become one separator, so the run below joins them.
  const joined = folded
    .replace(EMOJI, '·')
    .replace(SPACED_OUT, (run, separator: string) => run.split(separator).join(''));
  const decoded = joined.replace(/[\p{L}\p{N}@$!|]+/gu, decodeLeetToken);
  const skeleton = decoded
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/l/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1')
    .trim();
  return { skeleton, compact: skeleton.replace(/ /g, '') };
}

/** Decodes digits and symbols only inside tokens that also hold letters: "g4cor" yes, "2024" no. */
function decodeLeetToken(token: string): string {
  // Symbols only stand for letters inside a word: "share!" ends a sentence, "$lot" and "g@cor" do not.
  const core = token.replace(/^[!|]+|[@$!|]+$/g, '');
  if (!/\p{L}/u.test(core) || !/[0-9@$!|]/.test(core)) return core;
  // "10rb", "4d", "x500": a number with a unit or prefix, not a disguised word.
  if (/^\d+[a-z]{1,3}$/.test(core) || /^[a-z]{1,2}\d+$/.test(core)) return core;
  let out = '';
  for (const char of core) out += LEET[char] ?? char;
  return out;
}
