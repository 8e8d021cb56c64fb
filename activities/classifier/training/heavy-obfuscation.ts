import { pick } from '../../../lib/seeded-random';

/**
 * Rewrites used for author D only (authors A-C keep perturb.ts unchanged, so their items, and the test
 * split, stay byte-identical): the heavier disguises spam uses to dodge keyword filters. Each rewrites
 * one or two longer words of the post, or the whole post for hashtags.
 */
type Rewrite = (text: string, random: () => number) => string;

const SEPARATOR_EMOJI = ['🎰', '🔥', '💰', '⭐', '❤️', '✨', '🍑', '💦'];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060'];
const LEET: Record<string, string> = { a: '4', i: '1', o: '0', e: '3', s: '5', g: '9', t: '7' };

function disguiseWords(text: string, random: () => number, disguise: (word: string) => string): string {
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  if (words.length === 0) return text;
  let out = text;
  for (let i = 0; i < (random() < 0.5 ? 1 : 2); i++) {
    const word = pick(random, words);
    out = out.replace(word, disguise(word));
  }
  return out;
}

export const HEAVY_REWRITES: Record<string, Rewrite> = {
  emoji_separated: (text, random) => {
    const emoji = pick(random, SEPARATOR_EMOJI);
    return disguiseWords(text, random, (word) => word.split('').join(emoji));
  },
  zero_width: (text, random) => {
    const mark = pick(random, ZERO_WIDTH);
    return disguiseWords(text, random, (word) => word.split('').join(mark));
  },
  spaced: (text, random) => disguiseWords(text, random, (word) => word.split('').join(' ')),
  heavy_leet: (text, random) =>
    disguiseWords(text, random, (word) => word.replace(/[aioestg]/g, (c) => LEET[c] ?? c)),
  hashtags: (text, random) => {
    const words = (text.match(/\p{L}{4,}/gu) ?? []).filter(() => random() < 0.6);
    return words.length >= 2 ? words.map((word) => `#${word.toLowerCase()}`).join(' ') : text;
  },
};
