import { normalizeText } from '../normalize';

/** Feature space size: hashed word and character n-grams share it (collisions are rare at this size). */
export const FEATURE_BUCKETS = 1 << 16;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * Sparse features of a post: word unigrams and bigrams of the skeleton view (leetspeak decoded, spaced
 * letters joined), character 3-5-grams inside word boundaries (robust to typos, slang suffixes and
 * run-together spam), and the ids of the rules that fired, so the model learns how far to trust each rule.
 * Values are L2-normalized counts.
 */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Which features a model uses; a model must be read with the options it was trained with. */
export interface FeatureOptions {
  /** Character n-gram lengths inside words, inclusive. */
  charMin: number;
  charMax: number;
  wordBigrams: boolean;
  /** Count weight of a fired rule's id. */
  ruleWeight: number;
  /** sqrt of each count before normalizing, so a repeated word or emoji run does not dominate. */
  sublinear: boolean;
}

export const FEATURE_OPTIONS: FeatureOptions = {
  charMin: 3,
  charMax: 5,
  wordBigrams: true,
  ruleWeight: 3,
  sublinear: false,
};

export function featuresOf(
  text: string,
  firedRules: readonly string[],
  options: FeatureOptions = FEATURE_OPTIONS,
): SparseVector {
  const { skeleton } = normalizeText(text);
  const words = skeleton.split(' ').filter(Boolean);
  const counts = new Map<number, number>();
  const add = (key: string, weight = 1) => {
    const bucket = fnv1a(key) % FEATURE_BUCKETS;
    counts.set(bucket, (counts.get(bucket) ?? 0) + weight);
  };
  for (let i = 0; i < words.length; i++) {
    add(`w:${words[i]}`);
    if (options.wordBigrams && i + 1 < words.length) add(`b:${words[i]} ${words[i + 1]}`);
  }
  for (const word of words) {
    const padded = ` ${word} `;
    for (let n = options.charMin; n <= options.charMax; n++)
      for (let i = 0; i + n <= padded.length; i++) add(`c${n}:${padded.slice(i, i + n)}`);
  }
  for (const rule of firedRules) add(`r:${rule}`, options.ruleWeight);
  add('bias');
  if (options.sublinear) for (const [key, value] of counts) counts.set(key, Math.sqrt(value));
  let norm = 0;
  for (const value of counts.values()) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  const indices = Int32Array.from(counts.keys());
  const values = Float32Array.from(counts.values(), (value) => value / norm);
  return { indices, values };
}
