/**
 * Hand-written paraphrase pairs (same claim, different words) and same-topic non-matches (different
 * claims about the same subject), for measuring claim matching. Written for this purpose; none copied.
 */
export const PARAPHRASES: readonly (readonly [string, string])[] = [
  [
    'vaksin mengandung chip pelacak dari luar negeri',
    'hati2, di dalam vaksin ada microchip buat melacak kita',
  ],
  [
    'besok listrik padam total se kalimantan selama 3 hari',
    'listrik se-kalimantan akan mati 3 hari mulai besok, siapkan lilin',
  ],
  [
    'bendungan riam kanan jebol, warga martapura harus mengungsi',
    'waduk riam kanan jebol!! warga martapura disuruh ngungsi sekarang',
  ],
  ['minum air es habis makan bikin kanker usus', 'jangan minum es setelah makan, bisa jadi kanker di usus'],
  [
    'uang kertas 100 ribu lama tidak berlaku mulai besok',
    'mulai besok uang 100rb versi lama sudah kada berlaku lagi',
  ],
  [
    'aplikasi whatsapp akan berbayar mulai bulan depan',
    'bulan depan whatsapp jadi berbayar, sebarkan ke kontak',
  ],
  [
    'sungai martapura tercemar racun, jangan mandi dan minum',
    'air sungai martapura ada racunnya, jangan dipakai mandi atau minum',
  ],
  [
    'nasa konfirmasi bumi gelap total 6 hari bulan depan',
    'menurut nasa bulan depan bumi akan gelap gulita selama 6 hari',
  ],
  [
    'penculik organ anak berkeliaran di sekolah banjarbaru',
    'ada komplotan penculik anak ambil organ di sekolah2 banjarbaru',
  ],
  [
    'mandi malam bikin paru-paru basah dan meninggal',
    'sering mandi malam bisa kena paru2 basah terus meninggal',
  ],
  ['telur palsu dari plastik beredar di pasar', 'awas telur plastik palsu sudah beredar di pasar pasar'],
  ['sinyal 5g menyebarkan virus corona', 'virus corona disebarkan lewat sinyal 5g, matikan hp kalian'],
];

export const SAME_TOPIC_DIFFERENT_CLAIMS: readonly (readonly [string, string])[] = [
  [
    'vaksin mengandung chip pelacak dari luar negeri',
    'vaksin campak gratis untuk balita di posyandu bulan ini',
  ],
  [
    'besok listrik padam total se kalimantan selama 3 hari',
    'pln umumkan pemeliharaan jaringan, listrik padam 2 jam di kelurahan tertentu',
  ],
  ['minum air es habis makan bikin kanker usus', 'air rebusan daun sirsak menyembuhkan kanker dalam 3 hari'],
  [
    'uang kertas 100 ribu lama tidak berlaku mulai besok',
    'pemerintah bagi bantuan tunai 5 juta lewat link pendaftaran',
  ],
  [
    'sungai martapura tercemar racun, jangan mandi dan minum',
    'lomba jukung hias di sungai martapura tahun ini meriah',
  ],
  [
    'penculik organ anak berkeliaran di sekolah banjarbaru',
    'ada penculik anak pakai mobil ambulans di banjarmasin',
  ],
  [
    'mandi malam bikin paru-paru basah dan meninggal',
    'makan mie instan dan minum kopi bersamaan bikin mati mendadak',
  ],
  [
    'nasa konfirmasi bumi gelap total 6 hari bulan depan',
    'gempa besar akan terjadi jam 9 malam menurut bmkg',
  ],
];
