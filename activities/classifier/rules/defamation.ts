import type { CategoryRuleSet } from '../rule-engine';

/** Someone identifiable: an office, a title, a name marker, a business. */
const PERSON = [
  'bupati', 'camat', 'kades', 'kepala desa', 'lurah', 'kepala sekolah', 'kepala dinas', 'kadis', 'dokter', 'dr', 'ustaz', 'ustadz', 'hakim',
  'rektor', 'kapolsek', 'kapolres', 'wali kota', 'walikota', 'wakil', 'dprd', 'pak', 'bu', 'si', 'haji', 'h', 'pemilik*', 'ketua', 'guru',
  'ceo', 'artis', 'pengusaha', 'sopir', 'pegawai', 'akun', 'berinisial', 'bernama', 'toko', 'rumah makan', 'klinik',
];
const ACCUSATIONS = [
  'koruptor', 'korupsi', 'korup', 'maling', 'penipu', 'pembunuh', 'malpraktik', 'selingkuh*', 'main perempuan', 'cabul', 'suap', 'sogokan',
  'pemabuk', 'penjudi', 'pelakor', 'perusak rumah tangga', 'pengedar narkoba', 'mafia*', 'lonte', 'jual diri', 'pungli', 'bekingan', 'setoran',
  'pemerkosa', 'kriminal', 'penjilat', 'munafik', 'bajingan', 'fraud', 'quack', 'kills patients', 'pedophile', 'daging tikus', 'palsu semua',
  'jual beli gelar', 'busuk', 'ngembat', 'mark up', 'merampas', 'pura pura tidak tahu', 'rekondisi', 'merkuri',
];

export const defamationRules: CategoryRuleSet = {
  category: 'defamation',
  rules: [
    { id: 'defamation.person_accused', weight: 1.6, all: [PERSON, ACCUSATIONS] },
    { id: 'defamation.accusation', weight: 0.5, any: ACCUSATIONS },
    {
      id: 'defamation.asserted_as_fact',
      weight: 0.4,
      any: ['semua orang tahu', 'saya lihat sendiri', 'saya punya buktinya', 'fakta', 'everyone should know', 'jangan belanja', 'jangan makan', 'jangan percaya', 'harus dipecat'],
    },
  ],
};
