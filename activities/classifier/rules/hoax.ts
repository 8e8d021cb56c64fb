import type { CategoryRuleSet } from '../rule-engine';

/** Hoaxes are claims; rules see only their usual packaging (urgency, vague sources, miracle cures). */
export const hoaxRules: CategoryRuleSet = {
  category: 'hoax',
  rules: [
    {
      id: 'hoax.spread_urge',
      weight: 0.8,
      any: ['sebarkan', 'viralkan', 'bagikan ke*', 'teruskan ke*', 'share sebelum', 'sebelum dihapus', 'share before', 'forward to everyone', 'forward this', 'before they delete', 'biar pada tahu', 'share'],
    },
    {
      id: 'hoax.vague_source',
      weight: 0.7,
      any: ['grup sebelah', 'valid 100', '100 akurat', 'sumber orang dalam', 'orang dalam', 'pesan dari teman', 'pesan berantai', 'katanya', 'beredar kabar', 'kabar dari', 'info dari', 'dokter di amerika', 'dokter tidak mau'],
    },
    {
      id: 'hoax.authority_claim',
      weight: 0.5,
      pattern: /\b(menurut|kata|info dari|kabar dari|confirms|says)\s+(a\s+)?(bmkg|who|lapan|kemenkes|dokter|doctor|nasa|pemerintah|presiden|kelurahan|stanford)/,
    },
    {
      id: 'hoax.suppression_claim',
      weight: 0.8,
      any: ['media diam', 'media tidak', 'tidak akan memberitakan', 'media mainstream', 'ditutupi', 'ditutup tutupi', 'diam diam', 'disembunyikan', 'hiding it', 'is hiding', 'nasa bohong'],
    },
    {
      id: 'hoax.miracle_or_danger',
      weight: 0.8,
      any: ['pasti sembuh', 'menyembuhkan', 'sembuh kanker', 'tanpa kemoterapi', 'menyedot virus', 'kills the virus', 'terbukti 100', 'kematian mendadak', 'sudah banyak korban', 'tercampur racun', 'itu racun'],
    },
    {
      id: 'hoax.conspiracy',
      weight: 0.7,
      any: ['chip', '5g', 'wifi', 'rekayasa', 'elit global', 'konspirasi', 'bumi datar', 'mengcovidkan', 'telur palsu', 'beras plastik'],
    },
    { id: 'hoax.health_topic', weight: 0.3, any: ['vaksin', 'covid', 'virus', 'kanker', 'obat herbal', 'diabetes'] },
    {
      id: 'hoax.alarm',
      weight: 0.5,
      any: ['akan terjadi', 'segera mengungsi', 'jebol', 'meluap', 'penculik anak', 'akan ditutup', 'diundur', 'resmi dihapus', 'akan langka', 'borong sekarang', 'memotong gaji', 'diliburkan', 'pemadaman listrik total', 'breaking', 'hati hati', 'kabar duka', 'jangan diangkat', 'tersedot'],
    },
  ],
};
