import { CATEGORY_LABELS, type Priority } from './categories';
import type { TimelineCode, TimelineParams } from './timeline-message';
import type { Verdict } from './verdict';

type Templates = { [C in TimelineCode]: (params: TimelineParams<C>) => string };

/** A label, or the value itself when it is one this table does not know (kept readable, never dropped). */
function label(table: Record<string, string>, value: string): string {
  return table[value] ?? value;
}

export const STAGE_ID: Record<string, string> = {
  intake: 'Masuk',
  verification: 'Verifikasi',
  action: 'Tindak lanjut',
  monitoring: 'Pemantauan',
  closed: 'Selesai',
  withdrawn: 'Ditarik',
};
const PRIORITY_ID: Record<Priority, string> = { urgent: 'mendesak', high: 'tinggi', normal: 'normal' };
const STATEMENT_ID: Record<string, string> = { clarification: 'klarifikasi', response: 'tanggapan publik' };
const PLATFORM_ID: Record<string, string> = {
  meta: 'Meta',
  x: 'X',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  telegram: 'Telegram',
  file_sharing: 'layanan berbagi berkas',
  website: 'situs web',
};
const CHANNEL_ID: Record<string, string> = {
  website: 'situs web',
  instagram: 'Instagram',
  x: 'X',
  facebook: 'Facebook',
  whatsapp_channel: 'Saluran WhatsApp',
  press_release: 'siaran pers',
};
const SLA_ID: Record<TimelineParams<'sla_met'>['sla'], string> = {
  verification: 'verifikasi',
  takedown_compliance: 'kepatuhan takedown',
  objection_review: 'peninjauan sanggahan',
  police_acknowledgment: 'konfirmasi Polda',
  police_report: 'nomor Laporan Polisi',
  clarification_publication: 'penerbitan klarifikasi',
  response_publication: 'penerbitan tanggapan publik',
};
const RESULT_ID: Record<TimelineParams<'takedown_finished'>['result'], string> = {
  removed: 'konten diturunkan',
  blocklist_recommended: 'direkomendasikan untuk diblokir',
  objection_upheld: 'sanggahan diterima',
  cancelled: 'dibatalkan',
  failed: 'gagal',
};
const RESOLUTION_ID: Record<TimelineParams<'closed'>['resolution'], string> = {
  no_violation: 'tidak melanggar',
  actioned: 'ditindaklanjuti',
  withdrawn: 'ditarik',
};
const PLATFORM_STEP_ID: Record<TimelineParams<'platform_step_late'>['step'], string> = {
  takedown_request: 'permintaan takedown',
  blocklist_recommendation: 'rekomendasi pemblokiran',
  liveness_check: 'pengecekan keberadaan konten',
  ST1: 'ST1',
  ST2: 'ST2',
  ST3: 'ST3',
};
const INTAKE_STEP_ID: Record<TimelineParams<'intake_step_failed'>['step'], string> = {
  detection_text: 'penyimpanan teks deteksi',
  classification: 'klasifikasi',
  snapshot: 'snapshot bukti',
};
const LEARNING_STEP_ID: Record<TimelineParams<'learning_step_failed'>['step'], string> = {
  claim_match: 'pencocokan klaim',
  claim_index: 'pendaftaran klaim untuk pencocokan',
  verdict_example: 'penyimpanan putusan sebagai contoh latih',
};
const TRACK_ID: Record<TimelineParams<'track_failed'>['track'], string> = {
  clarification: 'klarifikasi',
  response: 'tanggapan publik',
  takedown: 'takedown',
  police: 'Polda',
};
const AUDIENCE_ID: Record<string, string> = {
  rapid_response_unit: 'tim reaksi cepat',
  supervisors: 'para supervisor',
  police_liaison: 'penghubung Polda',
  public_relations: 'Humas',
};

function verdictId(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'no_violation':
      return 'tidak melanggar';
    case 'hoax':
      return `hoaks [${verdict.label}]`;
    case 'illegal':
      return `konten ilegal: ${CATEGORY_LABELS[verdict.category]}`;
    case 'criminal':
      return `pidana: ${CATEGORY_LABELS[verdict.category]}`;
  }
}

const platform = (value: string) => label(PLATFORM_ID, value);
const statement = (value: string) => label(STATEMENT_ID, value);

/** Bahasa Indonesia, for the console and `saring ... --lang id`. */
export const INDONESIAN: Templates = {
  detected: ({ source, url }) => `dilaporkan oleh ${source}${url ? `: ${url}` : ''}`,
  classified: ({ category, confidence, rules, priority }) =>
    `${category ? CATEGORY_LABELS[category] : 'belum dikategorikan'} (keyakinan ${confidence.toFixed(2)}; aturan ${rules.join(', ') || 'tidak ada'}); prioritas ${PRIORITY_ID[priority]}`,
  not_classified_hash_only: () =>
    'tidak diklasifikasi: deteksi hanya membawa hash konten; verifikator yang memutuskan',
  intake_step_failed: ({ step, error }) =>
    `${INTAKE_STEP_ID[step]} gagal, kasus berlanjut tanpanya: ${error}`,
  evidence_captured: ({ key, sha256 }) => `snapshot bukti ${key} sha256 ${sha256.slice(0, 12)}...`,
  snapshot_failed: ({ error }) => `snapshot bukti gagal: ${error}`,
  stage_changed: ({ from, to }) => `${label(STAGE_ID, from)} → ${label(STAGE_ID, to)}`,
  case_claimed: ({ assignee }) => `${assignee} mengambil kasus ini`,
  case_assigned: ({ assignee }) => `ditugaskan kepada ${assignee}`,
  verdict_submitted: ({ verdict }) => `${verdictId(verdict)}: ${verdict.reasons.join('; ')}`,
  statement_drafted: ({ kind, revision, title }) => `${statement(kind)} revisi ${revision}: ${title}`,
  statement_approved: ({ kind, revision, draftedBy }) =>
    `${statement(kind)} revisi ${revision} disetujui (disusun oleh ${draftedBy})`,
  statement_rejected: ({ kind, revision, reason }) =>
    `${statement(kind)} revisi ${revision} dikembalikan: ${reason}`,
  statement_published: ({ kind, publications }) =>
    `${statement(kind)} terbit di ${publications.map((publication) => `${label(CHANNEL_ID, publication.channel)} ${publication.url}`).join(', ')}`,
  note: ({ text }) => text,
  monitoring_ended_early: ({ reason }) => `pemantauan diakhiri lebih awal: ${reason}`,
  withdrawal_requested: ({ reason }) => `penarikan kasus diajukan: ${reason}`,
  withdrawal_approved: ({ requestedBy }) => `penarikan kasus yang diajukan ${requestedBy} disetujui`,
  police_package_delivered: ({ referenceId }) => `paket bukti diserahkan ke Polda (referensi ${referenceId})`,
  police_delivery_late: ({ error }) =>
    `paket bukti belum dapat diserahkan ke Polda (${error}); penyerahan dicoba lagi, makin jarang`,
  police_acknowledged: ({ referenceId }) =>
    `Polda mengonfirmasi penerimaan paket bukti${referenceId ? ` ${referenceId}` : ''}`,
  police_report_recorded: ({ reportNumber }) => `Laporan Polisi ${reportNumber}`,
  police_follow_up: ({ text }) => text,
  police_escalation_failed: ({ error }) => `eskalasi ke Polda gagal: ${error}`,
  takedown_requested: ({ platform: name, ticketId, dueAt }) =>
    `permintaan takedown dikirim ke ${platform(name)} (tiket ${ticketId}), tenggat ${dueAt}`,
  platform_objected: ({ platform: name, reason }) => `${platform(name)} menyanggah: ${reason}`,
  objection_resolved: ({ platform: name, decision, reason }) =>
    `sanggahan ${platform(name)} ${decision === 'uphold' ? 'diterima' : 'ditolak'}: ${reason}`,
  takedown_removed: ({ platform: name, url, reason }) =>
    `${platform(name)} menurunkan konten: ${url} sudah tidak ada (${reason})`,
  takedown_still_reachable: ({ platform: name, url, reason }) =>
    `${platform(name)} menyatakan konten sudah diturunkan, tetapi ${url} masih dapat diakses (${reason})`,
  platform_answers_again: ({ platform: name, step, late }) =>
    `${platform(name)} menjawab lagi: ${PLATFORM_STEP_ID[step]} selesai, terlambat ${late} percobaan`,
  platform_step_late: ({ platform: name, step, error }) =>
    `${platform(name)} tidak menjawab (${error}); ${PLATFORM_STEP_ID[step]} terlambat dan dicoba lagi`,
  polls_resumed: ({ platform: name, missed }) =>
    `${platform(name)} menjawab lagi setelah ${missed} pengecekan terlewat`,
  poll_failed: ({ platform: name, error }) =>
    `${platform(name)} tidak menjawab (${error}); pengecekan berlanjut`,
  takedown_escalated: ({ step, platform: name, letterId }) =>
    `${step} dikirim ke ${platform(name)} (surat ${letterId})`,
  blocklist_recommended: ({ domain, recommendationId }) =>
    `${domain} direkomendasikan untuk diblokir secara nasional (${recommendationId})`,
  takedown_withdrawn: ({ platform: name, ticketId }) =>
    `${platform(name)} diberi tahu bahwa permintaan takedown ${ticketId} ditarik`,
  takedown_finished: ({ platform: name, result, level }) =>
    `${platform(name)}: ${RESULT_ID[result]}${level ? ` setelah ${level}` : ''}`,
  sla_reminder: ({ percent, sla, dueAt }) =>
    `${percent}% waktu SLA ${SLA_ID[sla]} telah berlalu; tenggat ${dueAt}`,
  sla_breach: ({ sla, dueAt }) =>
    `SLA ${SLA_ID[sla]} terlampaui (tenggat ${dueAt}); dieskalasi ke para supervisor`,
  sla_met: ({ sla, late }) => `${SLA_ID[sla]} selesai ${late ? 'melewati' : 'dalam batas'} SLA`,
  monitoring_started: ({ watched, until }) =>
    `memantau ${watched} URL yang diturunkan terhadap unggahan ulang hingga ${until}`,
  reupload_reported: ({ source }) => `terdeteksi lagi oleh ${source} selama pemantauan`,
  reupload_detected: ({ url, platform: name, reason }) =>
    `${url} dapat diakses lagi di ${platform(name)} (${reason}); takedown baru diminta`,
  reupload_check_missed: ({ url, error }) =>
    `pengecekan unggahan ulang ${url} gagal (${error}); dicoba lagi pada pengecekan berikutnya`,
  reupload_checked_again: ({ url, missed }) => `${url} dicek lagi setelah ${missed} pengecekan terlewat`,
  continued_as_new: ({ stage, historyLength }) =>
    `tahap ${label(STAGE_ID, stage)} berlanjut di run baru (riwayat ${historyLength} event)`,
  notification_failed: ({ audience, subject }) =>
    `gagal memberi tahu ${label(AUDIENCE_ID, audience)}: ${subject}`,
  track_failed: ({ track, key, error }) =>
    `jalur ${TRACK_ID[track]}${track === 'takedown' && key ? ` ${key}` : ''} gagal: ${error}`,
  archive_failed: ({ error }) => `pengarsipan riwayat gagal: ${error}`,
  closed: ({ resolution }) => `ditutup: ${RESOLUTION_ID[resolution]}`,
  claim_linked: ({ caseId, similarity, clarified }) =>
    `klaim yang sama dengan ${caseId} (kemiripan ${similarity.toFixed(2)})${clarified ? '; klarifikasinya yang sudah terbit dapat dipakai ulang' : ''}`,
  clarification_reused: ({ fromCaseId, label: hoaxLabel, publications }) =>
    `klarifikasi [${hoaxLabel}] dari ${fromCaseId} dipakai ulang apa adanya: ${publications.map((publication) => `${label(CHANNEL_ID, publication.channel)} ${publication.url}`).join(', ')}`,
  learning_step_failed: ({ step, error }) =>
    `${LEARNING_STEP_ID[step]} gagal, kasus berlanjut tanpanya: ${error}`,
};
