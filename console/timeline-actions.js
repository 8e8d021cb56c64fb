// The Indonesian names of the timeline actions. An entry's text itself comes rendered from the API
// (`text.id`, from domain/timeline-text-id.ts): the console keeps no templates of its own.

/** Indonesian names of the timeline actions (the entry's kind, shown above its text). */
export const ACTION_LABELS = {
  detected: 'terdeteksi',
  classified: 'klasifikasi',
  evidence_captured: 'bukti diamankan',
  stage_changed: 'tahap berubah',
  assigned: 'penugasan',
  verdict_submitted: 'putusan verifikasi',
  statement_drafted: 'pernyataan disusun',
  statement_rejected: 'pernyataan dikembalikan',
  statement_approved: 'pernyataan disetujui',
  statement_published: 'pernyataan terbit',
  takedown_requested: 'takedown diminta',
  takedown_checked: 'pengecekan takedown',
  takedown_removed: 'konten diturunkan',
  takedown_escalated: 'takedown dieskalasi',
  blocklist_recommended: 'rekomendasi blokir',
  platform_objected: 'sanggahan platform',
  objection_resolved: 'sanggahan diputuskan',
  takedown_finished: 'takedown selesai',
  takedown_withdrawn: 'takedown ditarik',
  police_package_delivered: 'paket bukti ke Polda',
  police_acknowledged: 'konfirmasi Polda',
  police_report_recorded: 'Laporan Polisi',
  police_follow_up: 'tindak lanjut kepolisian',
  police_delivery_late: 'penyerahan ke Polda tertunda',
  sla_reminder: 'pengingat SLA',
  sla_breach: 'SLA terlampaui',
  sla_met: 'SLA terpenuhi',
  note: 'catatan',
  withdrawal_requested: 'penarikan diajukan',
  withdrawal_approved: 'penarikan disetujui',
  monitoring_started: 'pemantauan dimulai',
  reupload_reported: 'unggahan ulang dilaporkan',
  reupload_detected: 'unggahan ulang terdeteksi',
  continued_as_new: 'berlanjut di run baru',
  notification_failed: 'notifikasi gagal',
  track_failed: 'jalur gagal',
  archive_failed: 'pengarsipan gagal',
  closed: 'ditutup',
  claim_linked: 'klaim serupa',
  clarification_reused: 'klarifikasi dipakai ulang',
};

export function actionLabel(action) {
  return ACTION_LABELS[action] ?? action.replace(/_/g, ' ');
}
