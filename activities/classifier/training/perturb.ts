import { pick } from '../../../lib/seeded-random';

/**
 * Rewrites that make generated posts look like what the unit sees: regional slang, code-mixing, typos,
 * obfuscation, casing and length. Each returns the new text and a tag naming what it did.
 */
type Rewrite = (text: string, random: () => number) => string;

const SLANG: Record<string, readonly string[]> = {
  tidak: ['kada', 'gak', 'ga', 'ndak', 'ora'],
  saya: ['ulun', 'aku', 'gue', 'sy'],
  kamu: ['pian', 'ikam', 'lo', 'km'],
  sudah: ['udah', 'sdh', 'wis'],
  sangat: ['banar', 'banget', 'bgt'],
  mau: ['handak', 'pengen', 'mo'],
  yang: ['nang', 'yg'],
  dengan: ['lawan', 'sama', 'dgn'],
  semua: ['barataan', 'semuanya'],
  uang: ['duit', 'duwit'],
  bagaimana: ['kaya apa', 'gimana'],
  cepat: ['lakas', 'cpt'],
  benar: ['bujur', 'bener'],
  mereka: ['bubuhan sidin', 'mrk'],
  untuk: ['utk', 'buat'],
  tahu: ['tau'],
  orang: ['urang', 'org'],
  sekarang: ['wayahini', 'skrg'],
  enak: ['nyaman'],
  jangan: ['jangan ai', 'jgn'],
  banyak: ['banyak banar', 'byk'],
};

const CODE_MIX: Record<string, readonly string[]> = {
  sekarang: ['now', 'asap'],
  gratis: ['free'],
  hari: ['day'],
  link: ['link'],
  klik: ['click'],
  cepat: ['fast'],
  jangan: ["don't"],
  semua: ['everyone'],
  uang: ['money', 'cash'],
  jual: ['selling', 'jual'],
  harga: ['price'],
  dijamin: ['guaranteed'],
  viral: ['viral af'],
  lengkap: ['complete'],
};

const TAILS = [' guys', ' btw', ' fr', ' literally', ' no debat', ' sumpah', ' wkwk', ' pls'];
const EMOJI = ['🔥', '😱', '🙏', '‼️', '💯', '👇', '😂', '🤔'];
const LEET: Record<string, string> = { a: '4', i: '1', o: '0', e: '3', s: '5' };

function replaceWords(
  text: string,
  table: Record<string, readonly string[]>,
  random: () => number,
  rate: number,
) {
  return text.replace(/\p{L}+/gu, (word) => {
    const options = table[word.toLowerCase()];
    return options && random() < rate ? pick(random, options) : word;
  });
}

function longWords(text: string): string[] {
  return text.match(/\p{L}{4,}/gu) ?? [];
}

export const REWRITES: Record<string, Rewrite> = {
  slang: (text, random) => replaceWords(text, SLANG, random, 0.8),
  code_mixed: (text, random) => replaceWords(text, CODE_MIX, random, 0.7) + pick(random, TAILS),
  typo: (text, random) => {
    const words = longWords(text);
    if (words.length === 0) return text;
    const word = pick(random, words);
    const at = 1 + Math.floor(random() * (word.length - 2));
    const kind = random();
    const typo =
      kind < 0.4
        ? word.slice(0, at) + word.slice(at + 1)
        : kind < 0.7
          ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
          : word.slice(0, at) + word[at] + word.slice(at);
    return text.replace(word, typo);
  },
  obfuscated: (text, random) => {
    const words = longWords(text);
    if (words.length === 0) return text;
    const word = pick(random, words);
    const style = random();
    const disguised =
      style < 0.35
        ? word.replace(/[aioes]/g, (c) => LEET[c] ?? c)
        : style < 0.6
          ? word[0] + '*' + word.slice(2)
          : style < 0.8
            ? word.split('').join('.')
            : word.split('').join(' ');
    return text.replace(word, disguised);
  },
  upper: (text) => text.toUpperCase(),
  emoji: (text, random) => `${text} ${pick(random, EMOJI)}${pick(random, EMOJI)}`,
};

/** Caption-length: the first few words only. */
export function shorten(text: string, random: () => number): string {
  const words = text.split(/\s+/);
  if (words.length <= 5) return text;
  return words.slice(0, 4 + Math.floor(random() * 3)).join(' ');
}
