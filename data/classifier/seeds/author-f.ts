import { pick, seededRandom } from '../../../lib/seeded-random';
import type { FocusedSeeds, HandWrittenItem } from './types';

/**
 * Author F: a sixth training source (train and calibration only), written in one pass for issue 15 by a
 * later session that knew only the test split's aggregate figures (fraud precision 0.87: five other
 * illegal trade posts called fraud), without opening author B's seeds or the test rows of
 * labelled.jsonl. It covers only the boundary of fraud, other illegal trade and online gambling:
 * illegal trade that talks money and delivery the way a scam does ("transfer dulu", COD, rekening, DM,
 * ready stok, prices), fraud that talks like trade (fake shops, fake couriers, investment and arisan
 * scams, fake loans, prizes, account takeover, job fees), and hard negatives that share both sides'
 * words (legitimate listings, legal pharmacies, seizure news, consumer warnings). The payment and
 * delivery words are drawn from one shared pool for every label, so they never tell the label: the
 * goods or the scheme do.
 *
 * Seeds are built by a seeded generator from hand-written parts (one seed per good or scheme, so every
 * fifth one, with all its posts, is a calibration claim the fit never saw), plus whole posts written
 * out by hand (AUTHOR_F_HAND_WRITTEN).
 */

const random = seededRandom(0xf15);

/** Money and delivery talk shared by every label below (illegal trade, fraud and honest sellers). */
const PAY = [
  'transfer dulu baru kirim',
  'bisa COD {region}',
  'tf ke rekening BRI a.n. admin',
  'DM aja harga nego',
  'ready stok, fast respon',
  'bayar via dana/ovo/gopay',
  'pengiriman rahasia, resi dikirim',
  'minat langsung WA 08{num}',
  'DP 50% sisanya pas barang sampai',
  'slot terbatas, siapa cepat dia dapat',
  'harga teman, no PHP',
  'kirim seluruh kalimantan',
];
const PRICE = ['150rb', '350rb', '1,2jt', '75k', '500 ribu', '2,5 juta', 'rm80', '45rb/strip', '800rb nego'];
const OPEN = [
  'Ready',
  'Jual',
  'Open order',
  'Dijual cepat',
  'Ulun jual',
  'Sedia',
  'PO minggu ini',
  'Masih ada',
];

/** "Ready <good>, <detail>, <price>, <pay>": one seed per good, with its own price and pay words. */
function listings(goods: readonly (readonly [string, string])[]): string[] {
  return goods.map(
    ([good, detail]) =>
      `${pick(random, OPEN)} ${good}, ${detail}, ${pick(random, PRICE)}, ${pick(random, PAY)}`,
  );
}

/** A scheme's pitch, then the same money talk a seller uses. */
function pitches(schemes: readonly string[]): string[] {
  return schemes.map((scheme) => `${scheme}, ${pick(random, PAY)}`);
}

const ILLEGAL_GOODS = [
  ['obat keras tanpa resep', 'alprazolam dan riklona, bisa ecer'],
  ['obat keras daftar G', 'tanpa resep dokter, kirim rapi'],
  ['pil penenang', 'riklona 2mg tanpa resep, aman sampai tujuan'],
  ['dextro dan tramadol', 'grosir buat warung, tanpa resep'],
  ['obat aborsi', 'gastrul asli, telat 1-3 bulan'],
  ['sabu paket kecil', 'ambil di titik, jangan banyak tanya'],
  ['tembakau sintetis', 'efek mantap, dikirim pakai kemasan teh'],
  ['ganja kering', 'kualitas super, packing kedap bau'],
  ['senapan angin PCP dimodif', 'bisa pakai peluru tajam'],
  ['pistol rakitan', 'lengkap dengan amunisi 20 butir'],
  ['amunisi kaliber 9mm', 'per kotak, tanpa surat'],
  ['mercon dan bahan peledak ikan', 'potas dan dopis buat nyetrum'],
  ['trenggiling hidup', 'tangkapan hutan, sehat'],
  ['sisik trenggiling', 'kering per kilo, buat ekspor'],
  ['kukang jinak', 'sudah dipotong giginya, cocok buat peliharaan'],
  ['burung dilindungi', 'cucak rawa dan kakatua tangkapan alam'],
  ['anakan beruang madu', 'jinak, surat bisa diurus'],
  ['sisik penyu dan telur penyu', 'ambil langsung dari pulau'],
  ['gading gajah ukir', 'asli bukan resin'],
  ['ijazah SMA dan S1', 'bisa dicek online, tanpa kuliah'],
  ['KTP palsu', 'nama dan NIK sesuai pesanan, jadi 2 hari'],
  ['SIM palsu', 'SIM A dan C, mirip asli, tanpa tes'],
  ['paspor dan visa aspal', 'buat kerja ke malaysia'],
  ['surat keterangan sehat dan vaksin', 'tanpa periksa, langsung jadi'],
  ['uang palsu', 'perbandingan 1:3, lolos sinar UV'],
  ['tas dan sepatu KW super', 'logo brand asli, dijual sebagai original'],
  ['rokok tanpa pita cukai', 'per bal, lebih murah dari toko'],
  ['miras selundupan', 'dari malaysia tanpa cukai, per dus'],
  ['HP dan iPhone black market', 'tanpa IMEI resmi, barang selundupan'],
  ['pakaian bekas impor ballpress', 'masuk lewat jalur tikus'],
  ['solar subsidi', 'hasil timbunan, harga di bawah SPBU, per jeriken'],
  ['BBM ilegal dari kapal', 'per drum, tanpa dokumen'],
  ['emas hasil tambang ilegal', 'PETI dari hulu sungai, tanpa surat'],
  ['kayu ulin tebangan liar', 'dokumen bisa diatur'],
  ['rekening siap pakai', 'atas nama orang lain, lengkap ATM dan m-banking'],
  ['data nasabah bank', 'per 1000 baris, nama dan nomor hp'],
  ['akun e-wallet terverifikasi', 'KYC pakai KTP orang lain'],
  ['software bajakan', 'lisensi crack seumur hidup'],
  ['anak kucing ras hasil curian', 'surat asal usul tidak ada'],
  ['pupuk subsidi', 'dijual ke luar kelompok tani, harga non subsidi'],
  ['LPG 3 kg oplosan', 'isi dipindah ke tabung 12 kg'],
  ['obat kuat dan pelangsing', 'tanpa izin BPOM, efek cepat'],
] as const;

const FRAUD_SCHEMES = [
  'Toko online kami cuci gudang iPhone 14 cuma 2 juta, stok terbatas, pembayaran hanya transfer dulu, tidak melayani COD',
  'Olshop ready sepatu original diskon 80%, bayar dulu lalu barang dikirim, testimoni banyak di highlight',
  'Halo kak, paket kakak dari J&T tertahan, cek foto resi di file Lihat_Resi.apk',
  'Kurir: ini surat tagihan paket COD kakak, silakan buka undangan-pengiriman.apk untuk konfirmasi',
  'Paket anda gagal kirim karena alamat kurang lengkap, update data di posindo-kirim.xyz',
  'Investasi kebun sawit bagi hasil 15% per bulan, modal aman dijamin, minimal setor 5 juta',
  'Arisan online menurun, setor 500rb dapat 2 juta minggu depan, slot nomor urut tinggal 3',
  'Titip modal usaha frozen food, profit 30% per minggu, tanpa risiko',
  'Pinjaman dana cair 30 menit tanpa BI checking, cukup KTP, bayar biaya admin dulu 350rb',
  'Pinjol resmi OJK katanya, tapi harus transfer biaya asuransi dulu sebelum dana cair',
  'Selamat akun anda terpilih giveaway motor dari toko kami, klaim dengan transfer ongkir dan pajak',
  'Undian pelanggan setia, anda menang kulkas 2 pintu, konfirmasi ke admin dan bayar biaya kirim',
  'Hp aku rusak ini nomor baru, tolong tf dulu 1 juta nanti sore aku ganti',
  'Akun WhatsApp kamu akan diblokir, kirim kode 6 digit yang masuk ke SMS untuk verifikasi',
  'Dari tim keamanan marketplace: akun toko anda terindikasi penipuan, login ulang di link ini',
  'Lowongan kerja admin gudang gaji 6 juta, tanpa tes, hanya bayar biaya seragam dan pelatihan',
  'Lowongan kerja kapal pesiar, bayar biaya medical dan visa ke rekening agen dulu',
  'Jual tiket konser murah, sisa 5 tiket VIP, transfer dulu e-tiket langsung dikirim',
  'Jual mobil lelang bank setengah harga, DP dulu untuk booking unit',
  'Jual hewan kurban murah, kirim foto sapi, transfer DP 2 juta untuk kunci harga',
  'Rental mobil murah lepas kunci, transfer booking dulu, mobil diantar',
  'Jual kuota internet 100GB 30rb, transfer pulsa dulu, kode voucher dikirim',
  'Jual akun game sultan murah, tf dulu baru kasih email dan password',
  'Jasa titip barang dari luar negeri, harga miring, transfer penuh dulu, barang sampai 2 minggu',
  'Promo tabung emas digital dapat bunga 10% per bulan, daftar lewat admin di WA',
  'Tagihan listrik anda menunggak, bayar sekarang ke rekening petugas agar tidak diputus',
  'Kami dari bank, ada perubahan tarif transfer, isi formulir persetujuan di tarif-bank-baru.site',
  'Cek ongkir dan lacak paket di aplikasi ekspedisi-cek.apk, gratis voucher 100rb',
  'Barang sitaan bea cukai dilelang murah, iPhone 1 juta, bayar pajak impor dulu ke petugas',
  'Penawaran kerja like dan follow dibayar per tugas, untuk naik level setor deposit dulu',
  'Agen tiket pesawat promo umroh murah, booking seat dengan transfer DP ke rekening pribadi',
  'Rumah subsidi tanpa DP, bayar biaya booking fee dan survei ke marketing dulu',
  'Jual PS5 bekas mulus 3 juta, rekber gak mau, transfer langsung aja biar cepat',
  'Saya teman anak ibu, anak ibu kecelakaan, segera transfer untuk biaya rumah sakit',
  'Dapat bansos 600rb, cairkan dengan isi NIK dan nomor rekening di bansos-cair.online',
  'Selamat anda pemenang kuis ulang tahun bank, hubungi customer service di nomor pribadi ini',
  'Peluang bisnis reseller tanpa modal, cukup bayar biaya pendaftaran member 250rb',
  'Beasiswa luar negeri full, syaratnya bayar biaya administrasi ke rekening panitia',
  'Jual bibit durian montong unggul, transfer dulu, setelah itu nomor penjual tidak aktif',
  'Koin kripto lokal pasti naik, beli presale lewat admin, profit 20% per minggu',
] as const;

const GAMBLING_NEIGHBOURS = [
  'Deposit pulsa 10rb bisa main slot, transfer ke rekening admin, WD cepat',
  'Situs togel resmi, pasang 4D pakai dana, bayar transfer dulu baru nomor diproses',
  'Jual chip higgs domino, bisa tukar jadi uang lewat agen, DM',
  'Rekber bandar bola: taruhan parlay dikirim ke rekening admin, kemenangan dibayar kurang dari 5 menit',
  'Sabung ayam online, setor ke rekening, siaran langsung tiap malam',
  'Link slot anti rungkad, deposit qris, bonus new member 50%',
  'Ulun main mahjong ways tadi malam, modal 20rb jadi 900rb, link daftar di bio',
  'Agen casino online terima deposit usdt, ready admin 24 jam',
  'Tebak skor berhadiah uang, transfer 50rb per tebakan ke admin',
  'Bandar togel singapura buka, pasang lewat WA, transfer dulu',
] as const;

export const AUTHOR_F: FocusedSeeds = {
  positives: {
    other_illegal: {
      frames: [
        '{s}',
        '{s} 🔥🔥',
        '#jualbeli #banjarmasin {s}',
        'Caption: {s}. Serius only ya',
        '{s}\n\nbubuhan yang handak, japri ja',
        '{s}. Monggo lur diorder',
        '{s}, korang nak boleh PM je',
        'LAPAK MALAM INI 👇\n{s}',
        '{s} (no tipu, testi ada)',
      ],
      seeds: listings(ILLEGAL_GOODS),
    },
    fraud: {
      frames: [
        '{s}',
        '{s} 🙏',
        '*Pesan diteruskan*\n{s}',
        '{s}. Info lanjut DM',
        '#promo #olshop {s}',
        '{s}\n\nkawan ai, buruan sebelum habis',
        '{s}. Sila PM kami je',
        '{s} (sudah banyak yang bukti)',
      ],
      seeds: pitches(FRAUD_SCHEMES),
    },
    online_gambling: {
      frames: ['{s}', '{s} 🎰', '{s}\nlink di bio', 'bosku, {s}'],
      seeds: GAMBLING_NEIGHBOURS.map((seed) => `${seed}, ${pick(random, PAY)}`),
    },
  },
  hardNegatives: {
    other_illegal: {
      frames: [
        '{s}',
        '{region} — {s}, kata Kapolres kepada wartawan.',
        '{s}. Demikian dilaporkan kontributor kami di {region}.',
        '*Info warga*\n{s}',
        '{s} #jualbeli',
      ],
      seeds: [
        'Polres menyita 300 butir obat keras tanpa izin edar dari sebuah toko kosmetik, pemilik diamankan',
        'BKSDA menggagalkan penjualan trenggiling dan kukang lewat media sosial, pelaku ditahan',
        'Bea cukai memusnahkan rokok tanpa pita cukai dan miras selundupan hasil penindakan',
        'Polisi membongkar sindikat pembuat KTP dan SIM palsu yang menawarkan jasanya di facebook',
        'Warga diimbau tidak membeli burung dilindungi, laporkan ke BKSDA bila menemukan penjual',
        'Apotek kami melayani obat keras hanya dengan resep dokter, bisa antar ke rumah, bayar COD',
        'Jual burung lovebird dan kenari hasil penangkaran sendiri, ada ring dan sertifikat, bisa COD',
        'Jual solar dan bensin resmi di pertashop desa, buka jam 6 sampai jam 9 malam',
        'Jasa legalisir ijazah resmi di kampus, bawa fotokopi dan yang asli, bayar di loket',
        'Ready tas branded preloved original, ada nota pembelian, transfer dulu atau COD {region}',
        'Cara membedakan uang asli dan palsu: dilihat, diraba, diterawang, kata Bank Indonesia',
        'Jual HP second resmi, IMEI terdaftar kemenperin, garansi toko seminggu',
        'Razia gabungan di pelabuhan menemukan BBM ilegal yang diangkut tanpa dokumen',
        'Jual madu kelulut asli dari peternak, transfer dulu atau COD, ready stok',
        'Kenapa trenggiling diburu? sisiknya diselundupkan ke luar negeri, padahal satwa ini dilindungi',
        'Obat dengan logo K merah hanya boleh dibeli dengan resep, kata dinas kesehatan',
        'Pengadilan memvonis penjual senjata rakitan 5 tahun penjara',
        'Jual pakan burung dan sangkar, bisa kirim seluruh kalimantan, DM',
        'Lapak daging sapi segar, ready stok, pesan sebelum jam 10 dikirim sore',
      ],
    },
    fraud: {
      frames: ['{s}', '*Pesan diteruskan*\n{s}', '{s}. Hati-hati ya dulur', '{s} 🙏', '{region} — {s}.'],
      seeds: [
        'Toko resmi kami tidak pernah minta transfer ke rekening pribadi, bayar hanya lewat checkout aplikasi',
        'J&T mengimbau pelanggan tidak membuka file apk yang dikirim lewat WhatsApp atas nama kurir',
        'OJK merilis daftar pinjol ilegal, cek legalitas sebelum meminjam dan jangan bayar biaya di muka',
        'Polisi menangkap pelaku penipuan olshop fiktif yang menjual iPhone murah lewat instagram',
        'Tips aman belanja online: pakai rekber atau COD, cek rekening di cekrekening.id',
        'Jual iPhone 13 bekas pemakaian sendiri, bisa COD ketemuan di {region}, cek dulu baru bayar',
        'Arisan keluarga bulanan di rumah acil, kocokan tiap tanggal 5, uang dikumpulkan tunai',
        'Undian resmi bank diumumkan di kantor cabang dan tidak ada biaya apa pun untuk pemenang',
        'Lowongan resmi di portal karir perusahaan, tidak dipungut biaya sepeser pun',
        'Saya hampir ketipu modus anak kecelakaan, untung saya telepon anaknya dulu',
        'Kurir kami akan menelepon sebelum mengantar paket COD, bayar saat barang diterima',
        'Giveaway di akun kami hanya diumumkan lewat akun centang biru, tidak pernah minta ongkir',
        'Warga melapor ke polisi setelah tertipu arisan online bodong, kerugian ratusan juta',
        'Jual kue kering lebaran, open PO, DP 50% sisanya saat ambil',
        'Rental mobil resmi ada kantor dan kontrak tertulis, bayar di kantor',
      ],
    },
    online_gambling: {
      frames: ['{s}', '{region} — {s}.', '*Info*\n{s}'],
      seeds: [
        'Polisi memblokir ratusan rekening penampung deposit judi online',
        'Jual voucher game resmi, top up diamond lewat aplikasi, bayar qris',
        'Turnamen domino antar RT tanpa taruhan, hadiah piala dan sembako',
        'Kominfo menutup situs slot yang memakai rekening atas nama orang lain',
        'Bapak kalah judi slot sampai jual motor, sekarang ikut konseling',
      ],
    },
  },
  plain: {
    frames: ['{s}', '{s} 🙏', '#jualbeli {s}'],
    seeds: [
      'Jual motor beat 2019 surat lengkap, pajak hidup, nego tipis, COD {region}',
      'Open jasa angkut barang pindahan, pickup dan supir, DM',
      'Ready sambal bawang botolan, 25rb, bisa kirim',
      'Terima pesanan nasi kotak untuk acara, minimal 20 kotak',
      'Dijual tanah kavling SHM di Banjarbaru, harga nego',
      'Jual bibit cabai dan tomat, polybag siap tanam',
    ],
  },
};

/** Whole posts written out by hand, mostly pairs across the trade / scam line (every fifth to calibration). */
export const AUTHOR_F_HAND_WRITTEN: readonly HandWrittenItem[] = [
  {
    label: 'other_illegal',
    text: 'Ready lagi obat keras tanpa resep ya kak: riklona, alprazolam, tramadol. Bisa ecer per strip. Pengiriman rahasia pakai paket kosmetik, bayar transfer dulu. Yang nanya-nanya doang skip.',
  },
  {
    label: 'fraud',
    text: 'Ready iPhone 15 Pro garansi resmi cuma 4,5 juta!! Stok sisa 3. Pembayaran transfer dulu ke rekening owner, resi dikirim setelah transfer. Tidak melayani COD karena barang terbatas. Testimoni ada di highlight.',
  },
  {
    label: 'other_illegal',
    text: 'Ulun ada trenggiling dua ekor, hasil masuk hutan kemarin. Handak dijual cepat, sisiknya jua ada sekilo. Kada usah banyak takun, transfer dulu ulun antar ke pelabuhan.',
  },
  {
    label: 'none',
    text: 'Personel BKSDA Kalsel bersama polisi mengamankan dua ekor trenggiling dari rumah warga di Tanah Laut. Pelaku menawarkan satwa dilindungi itu lewat grup jual beli dengan sistem transfer dulu.',
    tags: ['hard_negative', 'near:other_illegal'],
  },
  {
    label: 'fraud',
    text: 'Assalamualaikum ibu, kami dari ekspedisi. Paket ibu tidak bisa diantar karena alamat salah. Silakan cek foto paket di file berikut: FOTO_PAKET_COD.apk. Terima kasih.',
  },
  {
    label: 'none',
    text: 'HATI-HATI modus kurir kirim file apk lewat WA. Kurir asli tidak pernah kirim aplikasi, cukup nomor resi. Kalau sudah terlanjur pasang, matikan data dan hubungi bank.',
    tags: ['hard_negative', 'near:fraud'],
  },
  {
    label: 'other_illegal',
    text: 'Open jasa bikin KTP, KK, SIM dan ijazah. Bisa nama siapa aja, blanko mirip asli. 2 hari jadi. DP 50% ke rekening, sisanya pas barang sampai. Sudah 5 tahun jalan aman.',
  },
  {
    label: 'fraud',
    text: 'Dibuka lowongan admin online shop, kerja dari rumah gaji 4 juta. Tidak perlu pengalaman, tidak ada tes. Cukup bayar pendaftaran dan biaya pelatihan 250rb, nanti dapat ID karyawan.',
  },
  {
    label: 'other_illegal',
    text: 'Bro ready senpi rakitan sama pelurunya, buat jaga diri. Barang dikirim pakai paket elektronik biar aman. Serius DM, harga 7jt nego, bisa COD luar kota.',
  },
  {
    label: 'none',
    text: 'Polda Kalsel mengungkap penjualan senjata api rakitan lewat media sosial. Tersangka menerima pembayaran transfer dan mengirim senjata lewat ekspedisi yang disamarkan sebagai barang elektronik.',
    tags: ['hard_negative', 'near:other_illegal'],
  },
  {
    label: 'fraud',
    text: 'Arisan online slot menurun ya moms, nomor 1 dapat 10 juta, setor cuma 600rb per minggu. Admin amanah, sudah 3 periode. Transfer ke rekening admin, bukti tf kirim ke grup.',
  },
  {
    label: 'none',
    text: 'Kami ibu-ibu PKK bikin arisan bulanan, kocokan di rumah ketua RT, uang dipegang bendahara dan dicatat di buku. Kalau ada arisan online yang janji dapat berlipat, jangan ikut ya.',
    tags: ['hard_negative', 'near:fraud'],
  },
  {
    label: 'other_illegal',
    text: 'Wts kukang jinak + kandang, udah biasa digendong. Gak ada surat ya namanya juga satwa hutan 🤫 Harga 1,5jt bisa COD Banjarbaru, luar kota tf dulu.',
  },
  {
    label: 'fraud',
    text: 'SELAMAT! Nomor anda terpilih mendapat 1 unit motor dari program ulang tahun toko online kami. Hadiah dikirim setelah anda transfer biaya pengiriman dan pajak hadiah 1,2 juta. Hubungi admin.',
  },
  {
    label: 'other_illegal',
    text: 'Solar subsidi ready per jeriken, harga lebih murah dari eceran. Ambil malam hari di gudang, jangan bilang-bilang. Minat japri, bayar tunai atau transfer.',
  },
  {
    label: 'none',
    text: 'Pertamina mengingatkan solar subsidi hanya untuk kendaraan yang berhak dan tidak boleh dijual kembali. Warga yang melihat penimbunan bisa melapor ke call center 135.',
    tags: ['hard_negative', 'near:other_illegal'],
  },
  {
    label: 'fraud',
    text: 'Admin marketplace here: your shop account has been limited due to suspicious activity. To restore, verify lewat link toko-verifikasi.site dalam 24 jam atau saldo penjual ditahan.',
  },
  {
    label: 'other_illegal',
    text: 'Jual uang mainan rasa asli 😏 pecahan 100rb, perbandingan 1 banding 3, udah lolos di warung-warung. Kirim pakai paket buku, rekening aman, fast respon.',
  },
  {
    label: 'none',
    text: 'Pedagang pasar diminta waspada uang palsu menjelang lebaran. Bank Indonesia membagikan alat pendeteksi sinar UV dan mengajarkan cara 3D: dilihat, diraba, diterawang.',
    tags: ['hard_negative', 'near:other_illegal'],
  },
  {
    label: 'fraud',
    text: 'Pinjaman tanpa jaminan cair hari ini sampai 50 juta, bunga 0,5%. Syarat cukup KTP dan selfie. Sebelum cair wajib transfer biaya asuransi 10% ke rekening staf kami.',
  },
  {
    label: 'none',
    text: 'Pinjaman resmi bank tidak pernah meminta biaya di muka sebelum dana cair. Cek izin penyelenggara pinjaman di situs OJK, dan jangan pernah kirim foto KTP ke nomor pribadi.',
    tags: ['hard_negative', 'near:fraud'],
  },
  {
    label: 'other_illegal',
    text: 'Korang nak rokok murah? Stok tanpa cukai dari seberang, sebungkus rm4 je. Boleh hantar ke Sambas, Entikong. Bayar transfer dulu, barang lepas kastam jalan tikus.',
  },
  {
    label: 'fraud',
    text: 'Jual tiket mudik bus dan kapal sudah habis di agen? Kami masih ada seat. Transfer dulu 100%, e-tiket kami kirim H-1. Jangan takut, kami bukan penipu 🙏',
  },
  {
    label: 'other_illegal',
    text: 'Jual rekening BCA, BRI, Mandiri lengkap buku + ATM + m-banking, atas nama orang lain. Cocok buat usaha apa aja. Ready stok banyak, kirim pakai kurir, tf dulu.',
  },
  {
    label: 'none',
    text: 'Jual sayur organik dari kebun sendiri, bayam kangkung sawi. Pesan lewat WA, bayar transfer dulu atau COD di sekitar Martapura. Ready tiap Selasa dan Jumat.',
    tags: ['hard_negative', 'near:fraud'],
  },
  {
    label: 'fraud',
    text: 'mas aku teman sekantor adikmu, adikmu ditahan polisi krn tabrakan, butuh uang damai 5jt skrg jg, tf ke rek ini ya jgn telp dia dulu hp nya disita',
  },
  {
    label: 'other_illegal',
    text: 'sdia 0bat k3ras, tr4madol + hexymer, kirim aman seluruh kalsel. byr tf, dus polos tanpa nama. yg minat dm aja',
  },
  {
    label: 'online_gambling',
    text: 'Bubuhan yang handak tambahan duit: main slot di situs kami, deposit transfer bank atau dana mulai 10rb, WD kada lawas. Admin ready 24 jam, bonus member baru 30%.',
  },
  {
    label: 'none',
    text: 'Toko obat berizin di Banjarmasin: obat bebas dan bebas terbatas bisa dibeli langsung, obat keras wajib resep. Pesan antar juga bisa, bayar saat barang sampai.',
    tags: ['hard_negative', 'near:other_illegal'],
  },
  {
    label: 'fraud',
    text: 'Investasi ternak sapi syariah: titip modal 10 juta, tiap bulan dapat bagi hasil 2 juta, pasti untung karena harga sapi naik terus. Kontrak cukup lewat chat, transfer ke rekening pengurus.',
  },
  {
    label: 'other_illegal',
    text: 'Ready burung cucak ijo dan kacer tangkapan alam, masih liar, cocok buat master. Juga ada anakan elang. Harga di DM, pengiriman travel, transfer dulu.',
  },
  {
    label: 'none',
    text: 'Komunitas kicau mania Banjarbaru hanya memelihara burung hasil penangkaran ber-ring resmi. Jangan beli burung tangkapan hutan yang dilindungi, itu pidana.',
    tags: ['hard_negative', 'near:other_illegal'],
  },
  {
    label: 'fraud',
    text: 'Halo kak, akun shopee kakak menang undian flash sale. Untuk klaim, kakak akan menerima SMS kode, mohon kirim kodenya ke kami ya supaya saldo hadiah bisa masuk.',
  },
  {
    label: 'other_illegal',
    text: 'Jasa joki SIM dan pembuatan SIM tanpa tes. Tinggal kirim foto KTP dan pas foto, SIM jadi 3 hari dikirim ke rumah. Bayar separuh di awal.',
  },
  {
    label: 'none',
    text: 'Satgas Pangan menyita pupuk subsidi yang dijual ke luar kelompok tani dan LPG 3 kg oplosan di dua gudang. Pemilik gudang dijerat undang-undang perlindungan konsumen.',
    tags: ['hard_negative', 'near:other_illegal'],
  },
  {
    label: 'other_illegal',
    text: 'Nyuwun sewu lur, ready emas PETI dari hulu, kadar tinggi, tanpa surat. Harga di bawah pasar, ambil di tempat atau transfer dulu dikirim kurir.',
  },
  {
    label: 'fraud',
    text: 'Mohon bantuannya, dana bantuan pemerintah UMKM 2,4 juta cair hari ini. Daftar dengan isi NIK, nomor rekening dan kode OTP di link bantuan-umkm.online sebelum kuota habis.',
  },
  {
    label: 'none',
    text: 'Kementerian Koperasi menegaskan bantuan UMKM tidak didaftarkan lewat link di WhatsApp dan tidak pernah meminta kode OTP. Info resmi hanya di situs kementerian.',
    tags: ['hard_negative', 'near:fraud'],
  },
  {
    label: 'other_illegal',
    text: 'iPhone ex inter tanpa IMEI, masuk lewat jalur belakang, harga miring banget. Sinyal bisa pakai unlock. Garansi kada ada, COD atau tf dulu terserah pian.',
  },
];
