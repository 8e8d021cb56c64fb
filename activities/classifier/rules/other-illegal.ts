import type { CategoryRuleSet } from '../rule-engine';

/** Illegal goods and services: drugs, weapons, protected wildlife, forged documents, stolen data, piracy. */
export const otherIllegalRules: CategoryRuleSet = {
  category: 'other_illegal',
  rules: [
    {
      id: 'illegal.drugs',
      weight: 1.0,
      any: ['sabu', 'ekstasi', 'inex', 'tembakau gorila', 'tembakau sintetis', 'ganja', 'cimeng', 'cocaine', 'kokain', 'mdma', 'heroin', 'meth', 'pil koplo', 'tramadol', 'double l', 'trihex'],
    },
    { id: 'illegal.pharmaceuticals', weight: 1.0, any: ['obat aborsi', 'cytotec', 'gastrul', 'misoprostol', 'tanpa izin bpom', 'tanpa bpom', 'obat kuat'] },
    { id: 'illegal.weapons_explosives', weight: 1.0, any: ['senpi', 'senjata api', 'peluru tajam', 'airsoft gun', 'dinamit', 'detonator', 'bahan peledak', 'amunisi'] },
    {
      id: 'illegal.protected_wildlife',
      weight: 0.7,
      any: ['trenggiling', 'kulit harimau', 'bekantan', 'orangutan', 'kakatua jambul kuning', 'satwa dilindungi', 'gading gajah', 'penyu', 'tangkapan hutan', 'alam liar'],
    },
    {
      id: 'illegal.forged_documents',
      weight: 0.8,
      any: ['ijazah palsu', 'tanpa kuliah', 'sim tanpa tes', 'sim a dan c tanpa tes', 'joki cpns', 'uang palsu', 'stnk palsu', 'bpkb palsu', 'dokumen palsu', 'fake passport*', 'surat keterangan sehat', 'tanpa tes', 'jasa pembuatan ijazah'],
    },
    { id: 'illegal.personal_data', weight: 1.0, any: ['data ktp', 'jual data', 'nik orang lain', 'teregistrasi nik', 'atas nama orang lain', 'jual rekening', 'rekening bank atas nama'] },
    { id: 'illegal.piracy', weight: 1.0, any: ['bajakan', 'crack', 'lisensi seumur hidup', 'keygen', 'warez'] },
    { id: 'illegal.free_copies', weight: 0.4, any: ['full movie', 'download film', 'nonton gratis'] },
    { id: 'illegal.hacking_service', weight: 1.0, any: ['jasa hack', 'hack akun', 'jasa hacker', 'bobol akun', 'sadap'] },
    { id: 'illegal.migrant_smuggling', weight: 1.0, any: ['tki ilegal', 'pmi ilegal', 'tanpa paspor', 'jalur ilegal'] },
    { id: 'illegal.bootleg_alcohol', weight: 0.7, any: ['miras oplosan', 'oplosan', 'arak', 'ciu'] },
    {
      id: 'illegal.offer_to_sell',
      weight: 0.5,
      any: ['jual', 'dijual', 'ready', 'ready stok', 'cod', 'for sale', 'buy', 'siap kirim', 'grosir', 'ecer', 'jasa', 'menerima jasa', 'paket hemat', 'tinggal kirim', 'proses cepat', 'langsung jadi', 'dijamin lolos', 'worldwide delivery', 'discreet shipping'],
    },
  ],
};
