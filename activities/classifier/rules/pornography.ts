import type { CategoryRuleSet } from '../rule-engine';

export const pornographyRules: CategoryRuleSet = {
  category: 'pornography',
  rules: [
    {
      id: 'porn.explicit_terms',
      weight: 1.2,
      any: ['bokep', 'porn*', 'porno', 'video asusila', 'hentai', 'jav', 'sex tape', 'video mesum', 'video syur', 'film dewasa', 'film blue', 'onlyfans', 'nude*', 'telanjang', 'live cam'],
      joined: ['bokep'],
    },
    // Not the "xxx" that masks digits of a phone number.
    { id: 'porn.xxx', weight: 1.0, pattern: /(?<!\d[\s-]?)\bx{3,}\b(?![\s-]?\d)/ },
    { id: 'porn.live_show', weight: 0.8, any: ['host buka*', 'live hot', 'aplikasi hot', 'live streaming hot'] },
    {
      id: 'porn.sexual_services',
      weight: 1.4,
      any: ['open bo', 'openbo', 'vcs', 'cewek panggilan', 'pijat plus', 'plus plus', 'tante girang', 'short time', 'long time'],
    },
    { id: 'porn.adult_only', weight: 0.6, any: ['khusus dewasa', 'grup dewasa', 'konten dewasa', 'adult', 'video panas'] },
    { id: 'porn.age_gate', weight: 0.5, pattern: /\b18\s?\+/ },
    {
      id: 'porn.teasers',
      weight: 0.5,
      any: ['no sensor', 'tanpa sensor', 'full durasi', 'uncensored', 'sange', 'buka bukaan', 'hot', 'pap', 'fetish', 'bening', 'mesum', 'asusila', 'syur', 'booking', 'brondong', 'leak*'],
    },
  ],
};
