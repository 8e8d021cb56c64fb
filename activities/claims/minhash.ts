import { normalizeText } from '../classifier/normalize';

export const PERMUTATIONS = 128;
const MERSENNE = 2 ** 31 - 1;

/** Words too common to say anything about a claim (Indonesian, Banjar, English function words and chain-message filler). */
const STOPWORDS = new Set(
  'yang di ke dari dan atau ini itu ada untuk dengan pada akan jadi juga sudah udah kada gak tidak nang yg ya the a an of to is are in on and or for kah lah pun jar katanya info share sebarkan viralkan tolong semua grup guys pls fr btw wkwk sumpah literally'.split(
    ' ',
  ),
);

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** Fixed hash family a·x + b mod p, from a fixed seed: signatures stay comparable across processes and releases. */
const COEFFICIENTS = Array.from({ length: PERMUTATIONS }, (_, i) => ({
  a: (fnv1a(`a${i}`) % (MERSENNE - 1)) + 1,
  b: fnv1a(`b${i}`) % MERSENNE,
}));

/**
 * Shingles of a claim: character 4-grams inside the content words of its skeleton (leetspeak decoded,
 * repeats collapsed), so typos, slang suffixes and reordered framing change only a few shingles.
 */
export function shinglesOf(text: string): Set<number> {
  const words = normalizeText(text)
    .skeleton.split(' ')
    .filter((word) => word.length > 2 && !STOPWORDS.has(word));
  const shingles = new Set<number>();
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 4 <= padded.length; i++) shingles.add(fnv1a(padded.slice(i, i + 4)));
  }
  return shingles;
}

/**
 * (a * x) mod p for a, x < 2^31, exactly, in doubles: a is split at 16 bits so that no product passes
 * 2^53. The same values as BigInt arithmetic (test/unit/claims/minhash.test.ts); signatures about 1.3x faster.
 */
export function mulMod(a: number, x: number): number {
  const high = Math.floor(a / 65536);
  const low = a % 65536;
  return (((((high * x) % MERSENNE) * 65536) % MERSENNE) + ((low * x) % MERSENNE)) % MERSENNE;
}

export function signatureOf(text: string): number[] {
  const signature = new Array<number>(PERMUTATIONS).fill(MERSENNE);
  for (const shingle of shinglesOf(text)) {
    const x = shingle % MERSENNE;
    for (let i = 0; i < PERMUTATIONS; i++) {
      const { a, b } = COEFFICIENTS[i]!;
      const value = (mulMod(a, x) + b) % MERSENNE;
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i] && a[i] !== MERSENNE) same++;
  return same / PERMUTATIONS;
}
