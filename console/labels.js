// Words the console shows. The values themselves (stages, categories, regions...) come from the API's
// /api/vocabulary, i.e. from the domain schemas; only their Indonesian wording lives here.

export const STAGE_LABELS = {
  intake: 'Masuk',
  verification: 'Verifikasi',
  action: 'Tindak lanjut',
  monitoring: 'Pemantauan',
  closed: 'Selesai',
  withdrawn: 'Ditarik',
};

export const PRIORITY_LABELS = { urgent: 'Mendesak', high: 'Tinggi', normal: 'Normal' };

export const ROLE_LABELS = {
  verifier: 'Verifikator',
  supervisor: 'Supervisor',
  police_liaison: 'Penghubung Polda',
  public_relations: 'Humas',
  auditor: 'Auditor',
  admin: 'Admin platform',
};

export const VERDICT_LABELS = {
  no_violation: 'Tidak melanggar',
  hoax: 'Hoaks',
  illegal: 'Konten ilegal (takedown)',
  criminal: 'Pidana (ke Polda + takedown)',
};

export const PILLAR_LABELS = {
  digital_skill: 'Cakap Digital (Digital Skill)',
  digital_culture: 'Budaya Digital (Digital Culture)',
  digital_ethics: 'Etika Digital (Digital Ethics)',
  digital_safety: 'Keamanan Digital (Digital Safety)',
};

export const CHANNEL_LABELS = {
  website: 'Situs web',
  instagram: 'Instagram',
  x: 'X',
  facebook: 'Facebook',
  whatsapp_channel: 'Saluran WhatsApp',
  press_release: 'Siaran pers',
};

export const STATEMENT_LABELS = { clarification: 'klarifikasi', response: 'tanggapan publik' };

export const TRACK_STATUS_LABELS = {
  drafting: 'sedang disusun',
  awaiting_approval: 'menunggu persetujuan',
  publishing: 'sedang diterbitkan',
  published: 'terbit',
  cancelled: 'dibatalkan',
};

/** Titles of the officer steps (Temporal update names) and of the note. */
export const STEP_TITLES = {
  assignVerifier: 'Penugasan verifikator',
  submitVerdict: 'Putusan verifikasi',
  draftStatement: 'Susun pernyataan',
  approveStatement: 'Setujui pernyataan (empat mata)',
  rejectStatement: 'Kembalikan pernyataan',
  acknowledgePolice: 'Konfirmasi penerimaan oleh Polda',
  recordPoliceReport: 'Nomor Laporan Polisi',
  recordPoliceFollowUp: 'Tindak lanjut kepolisian',
  resolveObjection: 'Putuskan sanggahan platform',
  requestWithdrawal: 'Ajukan penarikan kasus',
  approveWithdrawal: 'Setujui penarikan kasus (empat mata)',
  closeMonitoring: 'Akhiri pemantauan',
  reuseClarification: 'Pakai ulang klarifikasi kasus serupa',
  addNote: 'Tambah catatan',
};

/** "hulu_sungai_selatan" -> "Hulu Sungai Selatan". */
export function regionLabel(region) {
  if (!region) return '–';
  if (region === 'unknown') return 'Belum diketahui';
  return region
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

export function categoryLabel(vocabulary, category) {
  if (!category || category === 'uncategorized') return 'Belum dikategorikan';
  return vocabulary.categoryLabels[category] || category;
}
