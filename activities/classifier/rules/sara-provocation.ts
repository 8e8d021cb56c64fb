import type { CategoryRuleSet } from '../rule-engine';

/** Ethnicity, religion, race and inter-group markers (suku, agama, ras, antar-golongan). */
const GROUPS = [
  'aseng', 'cina', 'china', 'tionghoa', 'pribumi', 'non pribumi', 'pendatang', 'suku', 'etnis', 'ras', 'kafir*', 'gereja', 'masjid', 'vihara',
  'klenteng', 'rumah ibadah', 'umat', 'agama', 'aliran', 'golongan', 'sesat', 'kadrun', 'kristen*', 'pendeta', 'muslim', 'non muslim',
  'keturunan', 'minoritas', 'orang seberang', 'pulau seberang', 'suku sebelah', 'kampung sebelah', 'immigrants', 'christians', 'muslims',
  'race', 'tanah adat', 'sampit',
];
const INCITEMENT = [
  'usir', 'diusir', 'sweeping', 'bakar', 'dibakar', 'robohkan', 'dirobohkan', 'bongkar', 'dibongkar', 'segel', 'bensin', 'senjata tajam',
  'mandau', 'perang', 'perangi', 'serbu', 'hajar', 'balas', 'bentrok', 'boikot', 'dimusnahkan', 'musnahkan', 'halal darahnya',
  'angkat kaki', 'tangkap', 'arak', 'tolak', 'fight', 'kick', 'penjajah', 'pengkhianat', 'dilarang', 'jangan berteman', 'musuh',
  'bubarkan', 'turun ke jalan', 'terulang', 'penolakan', 'jangan kasih', 'tukang rusuh',
];

export const saraProvocationRules: CategoryRuleSet = {
  category: 'sara_provocation',
  rules: [
    { id: 'sara.group_incitement', weight: 1.8, all: [GROUPS, INCITEMENT] },
    {
      id: 'sara.call_to_violence',
      weight: 0.8,
      any: ['halal darahnya', 'sweeping', 'bawa bensin', 'siapkan mandau', 'perang suci', 'kita robohkan', 'bongkar paksa', 'dibongkar paksa', 'usir paksa', 'arak keliling', 'bawa senjata'],
    },
    {
      id: 'sara.exclusion',
      weight: 0.8,
      any: ['tanah muslim', 'tanah kita', 'our land', 'our race', 'pribumi bangkit', 'bukan tanah mereka', 'tolak pembangunan', 'dilarang tinggal', 'angkat kaki', 'pengkhianat bangsa', 'penjajah ekonomi', 'agama setan', 'jangan berteman', 'jangan berdagang', 'musuh kita', 'tidak akan pernah damai', 'never live together'],
    },
    { id: 'sara.harmony_context', weight: -1.0, any: ['fkub', 'kerukunan', 'toleransi', 'lintas agama', 'gotong royong', 'bergotong royong', 'rekonsiliasi', 'terprovokasi', 'pawai budaya'] },
  ],
};
