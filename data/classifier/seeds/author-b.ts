import type { AuthorSeeds } from './types';

/**
 * Author B: seeds and frames for the test split only. Written in a separate pass after author A, without
 * reusing A's seed sentences or frames (the same topics recur: that is what the categories are), leaning
 * on slang, captions and code-mixing. Nothing here was changed after looking at any model's errors.
 */
export const AUTHOR_B: AuthorSeeds = {
  positives: {
    online_gambling: {
      frames: [
        '{s}',
        'gaes {s} 😱 cek ig story',
        '{s}... yg mau join langsung chat',
        'Ulun sudah coba, {s}',
        '{s} fr fr no tipu',
      ],
      seeds: [
        'sekali spin langsung jp 20 juta di situs ini',
        'link resmi judol anti rungkad, depo 25 ribu aja',
        'habis wd 7 juta dari game olympus, gas bosku',
        'room live casino buka 24 jam, menang berapapun dibayar',
        'angka keluar hk malam ini, pasang sekarang sebelum tutup',
        'bet bola malam ini handicap 0.5, join agen kami',
        'cuan dari slot modal 50 rebu doang',
        'freebet 25k tanpa deposit buat member baru',
        'main poker online uang asli, turnamen tiap malam',
      ],
    },
    pornography: {
      frames: ['{s}', '{s} 🍑💦', 'kak {s}? cek sorotan', '{s} — yg minat komen "mau"'],
      seeds: [
        'full video kakak tiktok yg lagi viral itu 18+',
        'ada yg punya link colmek viral kmrn',
        'jasa vcs kak, 100k 10 menit',
        'bokep indo terbaru upload tiap hari di grup',
        'konten dewasa eksklusif, langganan via trakteer',
        'nonton video panas no sensor di web ini',
        'pap tt buat yang transfer',
        'open booking tante girang area banjarbaru',
      ],
    },
    child_sexual_abuse: {
      frames: ['{s}', '{s} pm', '{s}, bayar crypto'],
      seeds: [
        'video anak kecil dilecehkan dijual murah',
        'grup wa koleksi foto bugil bocah',
        'tukar konten seksual anak umur 10 tahunan',
        'menjual foto tidak senonoh murid sd',
        'ada yang jual video seks pelajar di bawah umur',
        'link telegram pedofil isi anak smp',
      ],
    },
    hoax: {
      frames: [
        '{s}',
        'Barataan harus tahu, {s}!! share lah',
        'Dapet dari WA keluarga: {s}',
        'breaking: {s}, pls share',
        '{s}. Sidin yang bilang, bujur kah?',
        '{s} 😱😱 jangan sampai keluarga kena',
      ],
      seeds: [
        'minum air es habis makan bikin kanker usus',
        'ada virus baru dari ayam potong, jangan makan ayam sebulan',
        'uang kertas 100 ribu lama tidak berlaku mulai besok',
        'sungai martapura tercemar racun, jangan mandi dan minum',
        'bawang merah ditaruh di kaos kaki menyembuhkan flu',
        'aplikasi whatsapp akan berbayar mulai bulan depan',
        'nasa konfirmasi bumi gelap total 6 hari bulan depan',
        'ada pembagian sembako gratis dari presiden, daftar di link ini',
        'penculik organ anak berkeliaran di sekolah {region}',
        'mandi malam bikin paru-paru basah dan meninggal',
      ],
    },
    hate_speech: {
      frames: ['{s}', 'sorry not sorry, {s}', '{s} 🤮', 'asli {s}'],
      seeds: [
        'orang autis itu gak guna, buang aja ke hutan',
        'dasar kampungan dari pedalaman, otaknya kayak binatang',
        'lgbt itu sampah masyarakat, pantas dibakar',
        'cewek jelek gak usah keluar rumah, bikin sakit mata',
        'orang tua jompo cuma ngabisin duit negara, biarin mati',
        'si pincang itu gak usah dikasih kerja, useless',
        'bubuhan pendatang tu kotor banar, usir haja',
      ],
    },
    sara_provocation: {
      frames: ['{s}', '{s}!!! siapa yang ikut?', 'kalau bukan kita siapa lagi, {s}', '{s} #bela'],
      seeds: [
        'rapatkan barisan, habisi pemeluk agama lain di desa ini',
        'jangan beri tempat bagi suku itu, bakar rumah mereka',
        'gereja liar itu harus kita bongkar rame-rame besok',
        'pribumi bangkit, usir aseng dari tanah kita',
        'umat sebelah mulai berani, saatnya kita perang',
        'jamaah aliran itu kafir, serang pengajian mereka',
        'orang madura harus keluar dari kalimantan atau kita paksa',
      ],
    },
    fraud: {
      frames: ['{s}', 'Yth nasabah, {s}', '{s} (pesan otomatis)', 'info terbatas: {s}'],
      seeds: [
        'poin telkomsel anda 2.500.000 akan hangus, tukar di tsel-poin.xyz',
        'kerja paruh waktu like video youtube dibayar 300rb per hari, deposit dulu',
        'kami dari cs bri, sebutkan kode verifikasi yang kami kirim',
        'dana kaget 500 ribu, klik lalu login pakai pin',
        'lelang mobil sitaan harga 15 juta, transfer tanda jadi',
        'double your money in 24 hours, send usdt to this wallet',
        'undangan pernikahan digital, buka file undangan.apk',
        'cashback 1 juta dari shopee, isi data kartu atm',
      ],
    },
    terrorism: {
      frames: ['{s}', '{s}. Tunggu komando', 'akhi, {s}'],
      seeds: [
        'persiapkan diri untuk qital melawan aparat thaghut',
        'tutorial bikin bahan peledak tatp di rumah',
        'infaq untuk beli senjata ikhwan di poso',
        'aksi istisyhad di pos polisi akan dilakukan minggu ini',
        'gabung sel kami, latihan militer di hutan',
        'bunuh aparat kafir, itu amalan paling utama',
      ],
    },
    defamation: {
      frames: ['{s}', 'Spill: {s}', '{s}, jangan percaya dia', 'udah jadi rahasia umum {s}'],
      seeds: [
        'kades sungai tabuk selingkuh sama istri orang, pantas dipecat',
        'owner warung soto h. imah pakai daging tikus',
        'bidan desa itu bunuh bayi pasiennya',
        'pak rt 05 nilep uang iuran warga buat judi',
        'dosen pembimbing saya itu tukang peras mahasiswa',
        'artis lokal itu simpanan pejabat, semua tahu',
        'pengusaha sawit itu bayar preman untuk bunuh warga',
      ],
    },
    other_illegal: {
      frames: ['{s}', '{s} 📦 kirim rapi', 'open po: {s}', '{s}, fast respon'],
      seeds: [
        'sedia tembakau sintetis gorila, paket hemat',
        'jual airsoft gun modif peluru tajam',
        'ready pil koplo dan dextro, tanpa resep',
        'jasa bikin surat vaksin dan skck aspal',
        'jual anak owa dan kukang, sehat jinak',
        'dump database ktp dan kk untuk verifikasi pinjol',
        'jual merkuri untuk tambang emas ilegal',
      ],
    },
  },
  hardNegatives: {
    online_gambling: {
      frames: ['{s}', '{s} (antara)', 'Kabar {region}: {s}'],
      seeds: [
        'satgas judol kalsel sita rekening penampung uang taruhan',
        'psikolog: kecanduan slot online mirip kecanduan narkoba',
        'motor saya dapat slot parkir paling depan hari ini',
        'ayam jago juara kontes, suaranya paling gacor',
        'ppatk laporkan perputaran uang judi online capai triliunan',
        'ulun kada suka judi, haram dan bikin miskin',
      ],
    },
    pornography: {
      frames: ['{s}', 'Thread edukasi: {s}', '{s} — dr. andi'],
      seeds: [
        'anak perlu tahu nama anggota tubuh yang benar sejak dini',
        'kenapa remaja perlu edukasi tentang kesehatan seksual',
        'ulasan film drama romantis, cocok untuk penonton dewasa',
        'manfaat menyusui bagi ibu dan bayi',
        'cara bicara dengan remaja soal bahaya konten porno',
      ],
    },
    child_sexual_abuse: {
      frames: ['{s}', '{s}. Share ke grup orang tua ya', 'Webinar: {s}'],
      seeds: [
        'melindungi anak dari pornografi di internet: panduan untuk orang tua',
        'cara mengenali predator anak di media sosial dan melaporkannya',
        'kpai: laporan kekerasan seksual anak naik, orang tua diminta waspada',
        'edukasi tubuhku milikku untuk anak tk dan sd',
        'jangan bagikan video korban pelecehan anak, laporkan saja',
      ],
    },
    hoax: {
      frames: ['{s}', '{s} #saringsebelumsharing', 'Cek fakta {region}: {s}'],
      seeds: [
        'kabar uang 100 ribu lama tidak berlaku itu hoaks, kata bank indonesia',
        'tips jitu: sebelum share, tanya dulu sumbernya dari mana',
        'dokter menganjurkan cuci tangan pakai sabun untuk cegah diare',
        'pln umumkan pemeliharaan jaringan, listrik padam 2 jam di kelurahan tertentu',
        'pesan soal penculikan anak di sekolah sudah dibantah polres',
        'vaksin campak gratis untuk balita di posyandu bulan ini',
      ],
    },
    hate_speech: {
      frames: ['{s}', 'opini: {s}', '{s} sih menurutku'],
      seeds: [
        'pemain timnas kemarin mainnya kurang kompak',
        'kantor samsat perlu tambah loket biar gak antre lama',
        'teman difabel berhak dapat akses kerja yang sama',
        'kampanye anti perundungan digelar di smp negeri 2',
        'kebijakan kenaikan pajak kendaraan menurut saya kurang tepat',
      ],
    },
    sara_provocation: {
      frames: ['{s}', '{s} 🙏', 'Alhamdulillah, {s}'],
      seeds: [
        'warga muslim dan kristen gotong royong bangun jembatan desa',
        'ceramah ustadz tentang akhlak bertetangga dengan non muslim',
        'perbedaan pendapat soal qunut subuh itu wajar dalam fiqih',
        'pawai budaya dayak meratus meriah di barabai',
        'diskusi sejarah suku banjar, dayak dan madura di kampus ulm',
      ],
    },
    fraud: {
      frames: ['{s}', '{s} — humas bank', 'PSA: {s}'],
      seeds: [
        'modus baru penipuan kurir paket, jangan klik file apk',
        'ojk ingatkan investasi yang janjikan untung pasti itu ilegal',
        'bank kalsel buka layanan nasabah di kantor cabang baru',
        'hati-hati yang minta kode otp mengaku cs, tutup teleponnya',
        'shopee gelar promo 12.12, pastikan beli dari aplikasi resmi',
      ],
    },
    terrorism: {
      frames: ['{s}', '{s} (berita)', 'Pelajaran sejarah: {s}'],
      seeds: [
        'mantan napi teroris kini jadi pengusaha dan aktif kampanye damai',
        'pangeran antasari memimpin perang melawan belanda tahun 1859',
        'polisi gelar simulasi penanganan teror bom di mall',
        'ulama kalsel serukan tolak paham radikal di kalangan pemuda',
        'jihad membantu korban banjir dengan tenaga dan harta',
      ],
    },
    defamation: {
      frames: ['{s}', '{s} ⭐⭐', 'Pengalaman saya: {s}'],
      seeds: [
        'hakim menjatuhkan vonis 4 tahun untuk mantan kades karena korupsi dana desa',
        'kurirnya telat 3 hari, pelayanan ekspedisi ini mengecewakan',
        'bupati diperiksa kejaksaan sebagai saksi kasus proyek jalan',
        'warung soto ini enak, tapi parkirnya sempit',
        'ibu bidan desa sangat membantu waktu istri saya melahirkan',
      ],
    },
    other_illegal: {
      frames: ['{s}', '{s} (rilis)', 'Info: {s}'],
      seeds: [
        'bea cukai gagalkan penyelundupan satwa dilindungi di pelabuhan trisakti',
        'rehabilitasi pecandu narkoba gratis di bnnp kalsel',
        'cara cek keaslian obat lewat aplikasi bpom',
        'warga serahkan senapan angin ke polsek secara sukarela',
        'kepolisian razia miras jelang tahun baru',
      ],
    },
  },
  plain: {
    frames: ['{s}', '{s} wkwk', 'guys {s}'],
    seeds: [
      'ada yg tau jam buka samsat keliling di {region}?',
      'nasi kuning haruan paling nyaman di martapura',
      'banjir lagi di kayu tangi, hati-hati lewat sana',
      'baju lebaran anak sudah beli kah pian?',
      'lomba jukung hias di sungai martapura tahun ini meriah',
      'jual kucing anggora lucu, sudah vaksin',
      'mati lampu sebentar tadi, sudah nyala lagi',
      'tim basket sma 1 juara provinsi',
    ],
  },
};
