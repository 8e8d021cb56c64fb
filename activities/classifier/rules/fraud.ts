import type { CategoryRuleSet } from '../rule-engine';

export const fraudRules: CategoryRuleSet = {
  category: 'fraud',
  rules: [
    { id: 'fraud.otp_request', weight: 0.8, any: ['kode otp', 'sebutkan kode', 'kirim kode', 'kode 6 digit', 'kode verifikasi'] },
    { id: 'fraud.account_threat', weight: 0.5, any: ['akan diblokir', 'akan dihapus', 'has been limited', 'is blocked', 'dinonaktifkan', 'agar tidak diputus', 'diblokir'] },
    {
      id: 'fraud.data_request',
      weight: 0.6,
      any: ['verifikasi', 'verify', 'confirm your identity', 'login ulang', 'log in at', 'isi data diri', 'isi nik', 'nomor rekening', 'isi formulir', 'akun anda', 'your account'],
    },
    {
      id: 'fraud.prize_bait',
      weight: 0.6,
      any: ['selamat', 'memenangkan', 'hadiah', 'undian', 'giveaway', 'congratulations', 'been selected', 'free iphone', 'cashback 100', 'kuota gratis', 'centang biru gratis', 'restitusi'],
    },
    {
      id: 'fraud.fee_first',
      weight: 0.7,
      any: ['biaya admin', 'transfer dulu', 'bayar dulu', 'dp dulu', 'biaya pajak hadiah', 'biaya seragam', 'biaya layanan', 'biaya asuransi', 'pay only shipping', 'transfer biaya', 'pajak impor', 'rekening petugas', 'ke rekening ini', 'tolong transfer', 'tolong tf'],
    },
    { id: 'fraud.apk_file', weight: 1.2, pattern: /\b[\w-]+\.apk\b/ },
    {
      id: 'fraud.lookalike_domain',
      weight: 1.0,
      pattern: /\b[a-z0-9-]*(verif|secure|login|support|resmi|cashback|tagihan|restitusi|bansos|hadiah|claim|klaim|nasabah)[a-z0-9-]*\.(com|xyz|site|online|info|top|click|link|net|example)\b/,
    },
    { id: 'fraud.click_link', weight: 0.4, any: ['klik link', 'link berikut', 'lewat link', 'di link ini', 'bit ly'] },
    {
      id: 'fraud.investment_promise',
      weight: 0.7,
      any: ['auto profit', 'robot trading', 'tanpa risiko', 'dijamin aman', 'untung besar', 'tiap hari selamanya', 'terdaftar ojk', 'passive income', 'arisan online'],
      pattern: /(profit|untung|bunga)\s*\d+\s*%/,
    },
    { id: 'fraud.payout_multiplier', weight: 0.7, pattern: /\b(setor|modal|deposit)\s*[\d.,]+\s*(rb|ribu|juta|jt)?\s*(terima|jadi|dapat)\s*[\d.,]+/ },
    { id: 'fraud.loan_bait', weight: 0.8, any: ['pinjaman online', 'pinjol', 'tanpa bi checking', 'cair 5 menit', 'pinjaman dana', 'cukup ktp', 'bunga 0'] },
    { id: 'fraud.task_scam', weight: 1.0, any: ['like dan follow', 'per tugas', 'dibayar per', 'tanpa tes, hanya bayar'] },
    { id: 'fraud.work_from_home', weight: 0.4, any: ['kerja part time', 'part time', 'kerja dari rumah'] },
    {
      id: 'fraud.impersonation',
      weight: 0.5,
      any: ['nomor baru', 'hp aku rusak', 'nomor teman', 'customer service', 'kami dari', 'dear customer', 'pelanggan', 'nasabah', 'wajib pajak', 'bea cukai', 'yth'],
    },
    { id: 'fraud.too_good', weight: 0.3, any: ['barang bc', 'black market', 'seumur hidup', 'garansi selamanya', 'murah'] },
  ],
};
