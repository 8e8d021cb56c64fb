import type { CategoryRuleSet } from '../rule-engine';

const MINOR = [
  'anak',
  'anak anak',
  'bocil',
  'bocah',
  'bawah umur',
  'di bawah umur',
  'underage',
  'young',
  'siswi',
  'siswa',
  'pelajar',
  'sd',
  'smp',
  'dedek',
  'loli',
  'child',
  'children',
  'kids',
  'minor*',
];
const SEXUAL = [
  'asusila',
  'mesum',
  'telanjang',
  'bugil',
  'vulgar',
  'seksi',
  'vcs',
  'porn*',
  'nude*',
  'bokep',
  'syur',
  'tidak senonoh',
  'sange',
  'dilecehkan',
  'pelecehan',
  'seksual',
  'sexual',
  'grooming',
  'foto pribadi',
];

/** Always urgent. Co-occurrence of a minor and a sexual term is enough: a verifier checks every hit. */
export const childSexualAbuseRules: CategoryRuleSet = {
  category: 'child_sexual_abuse',
  rules: [
    {
      id: 'csam.explicit_terms',
      weight: 2.2,
      any: [
        'child porn*',
        'cp link*',
        'pthc',
        'pedo group',
        'pedo friendly',
        'grup pedo*',
        'member pedo*',
        'pedofil',
        'loli content',
        'underage nude*',
        'eksploitasi seksual anak',
        'pelecehan anak',
        'asusila anak',
      ],
    },
    { id: 'csam.cp_shorthand', weight: 1.4, pattern: /\bc\.?\s?p\b.*\b(link|anak|young|sd|smp|dm|pm)\b/ },
    { id: 'csam.minor_and_sexual', weight: 2.0, all: [MINOR, SEXUAL] },
    {
      id: 'csam.minor_age',
      weight: 0.8,
      pattern: /\b(umur|usia)\s*(?:[1-9]|1[0-7])(?:\s*-\s*1[0-7])?\s*(tahun|thn)?\b/,
    },
    { id: 'csam.pedo', weight: 1.0, any: ['pedo'] },
    // Issue 15 (author D's pass): "pedo"/"loli" next to a trade or collection word is a listing, not talk.
    {
      id: 'csam.pedo_listing',
      weight: 1.4,
      all: [
        ['pedo*', 'loli'],
        ['konten', 'grup', 'group', 'link', 'koleksi', 'folder', 'video', 'foto', 'jual', 'tukar*', 'barter'],
      ],
    },
  ],
};
