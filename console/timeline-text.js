// Timeline entries in Bahasa Indonesia. Entries are stored as a code and its parameters
// (domain/timeline-message.ts); the wording here is the same as domain/timeline-text-id.ts (a unit test
// compares the two over every code). Entries from before the codes show their stored (English) summary.

const STAGE = {
  intake: 'Masuk',
  verification: 'Verifikasi',
  action: 'Tindak lanjut',
  monitoring: 'Pemantauan',
  closed: 'Selesai',
  withdrawn: 'Ditarik',
};
const PRIORITY = { urgent: 'mendesak', high: 'tinggi', normal: 'normal' };
const STATEMENT = { clarification: 'klarifikasi', response: 'tanggapan publik' };
const PLATFORM = {
  meta: 'Meta',
  x: 'X',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  telegram: 'Telegram',
  file_sharing: 'layanan berbagi berkas',
  website: 'situs web',
};
const CHANNEL = {
  website: 'situs web',
  instagram: 'Instagram',
  x: 'X',
  facebook: 'Facebook',
  whatsapp_channel: 'Saluran WhatsApp',
  press_release: 'siaran pers',
};
const SLA = {
  verification: 'verifikasi',
  takedown_compliance: 'kepatuhan takedown',
  objection_review: 'peninjauan sanggahan',
  police_acknowledgment: 'konfirmasi Polda',
  police_report: 'nomor Laporan Polisi',
  clarification_publication: 'penerbitan klarifikasi',
  response_publication: 'penerbitan tanggapan publik',
};
const RESULT = {
  removed: 'konten diturunkan',
  blocklist_recommended: 'direkomendasikan untuk diblokir',
  objection_upheld: 'sanggahan diterima',
  cancelled: 'dibatalkan',
  failed: 'gagal',
};
const RESOLUTION = { no_violation: 'tidak melanggar', actioned: 'ditindaklanjuti', withdrawn: 'ditarik' };
const PLATFORM_STEP = {
  takedown_request: 'permintaan takedown',
  blocklist_recommendation: 'rekomendasi pemblokiran',
  liveness_check: 'pengecekan keberadaan konten',
  ST1: 'ST1',
  ST2: 'ST2',
  ST3: 'ST3',
};
const INTAKE_STEP = {
  detection_text: 'penyimpanan teks deteksi',
  classification: 'klasifikasi',
  snapshot: 'snapshot bukti',
};
const LEARNING_STEP = {
  claim_match: 'pencocokan klaim',
  claim_index: 'pendaftaran klaim untuk pencocokan',
  verdict_example: 'penyimpanan putusan sebagai contoh latih',
};
const TRACK = {
  clarification: 'klarifikasi',
  response: 'tanggapan publik',
  takedown: 'takedown',
  police: 'Polda',
};
const AUDIENCE = {
  rapid_response_unit: 'tim reaksi cepat',
  supervisors: 'para supervisor',
  police_liaison: 'penghubung Polda',
  public_relations: 'Humas',
};

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

const label = (table, value) => table[value] ?? value;
const platform = (value) => label(PLATFORM, value);
const statement = (value) => label(STATEMENT, value);

function verdictText(verdict, categories) {
  switch (verdict.kind) {
    case 'no_violation':
      return 'tidak melanggar';
    case 'hoax':
      return `hoaks [${verdict.label}]`;
    case 'illegal':
      return `konten ilegal: ${categories[verdict.category] ?? verdict.category}`;
    default:
      return `pidana: ${categories[verdict.category] ?? verdict.category}`;
  }
}

/** code -> (params, categoryLabels) -> text. */
const TEMPLATES = {
  detected: ({ source, url }) => `dilaporkan oleh ${source}${url ? `: ${url}` : ''}`,
  classified: ({ category, confidence, rules, priority }, categories) =>
    `${category ? (categories[category] ?? category) : 'belum dikategorikan'} (keyakinan ${confidence.toFixed(2)}; aturan ${rules.join(', ') || 'tidak ada'}); prioritas ${label(PRIORITY, priority)}`,
  not_classified_hash_only: () =>
    'tidak diklasifikasi: deteksi hanya membawa hash konten; verifikator yang memutuskan',
  intake_step_failed: ({ step, error }) =>
    `${label(INTAKE_STEP, step)} gagal, kasus berlanjut tanpanya: ${error}`,
  evidence_captured: ({ key, sha256 }) => `snapshot bukti ${key} sha256 ${sha256.slice(0, 12)}...`,
  snapshot_failed: ({ error }) => `snapshot bukti gagal: ${error}`,
  stage_changed: ({ from, to }) => `${label(STAGE, from)} → ${label(STAGE, to)}`,
  case_claimed: ({ assignee }) => `${assignee} mengambil kasus ini`,
  case_assigned: ({ assignee }) => `ditugaskan kepada ${assignee}`,
  verdict_submitted: ({ verdict }, categories) =>
    `${verdictText(verdict, categories)}: ${verdict.reasons.join('; ')}`,
  statement_drafted: ({ kind, revision, title }) => `${statement(kind)} revisi ${revision}: ${title}`,
  statement_approved: ({ kind, revision, draftedBy }) =>
    `${statement(kind)} revisi ${revision} disetujui (disusun oleh ${draftedBy})`,
  statement_rejected: ({ kind, revision, reason }) =>
    `${statement(kind)} revisi ${revision} dikembalikan: ${reason}`,
  statement_published: ({ kind, publications }) =>
    `${statement(kind)} terbit di ${publications.map((publication) => `${label(CHANNEL, publication.channel)} ${publication.url}`).join(', ')}`,
  note: ({ text }) => text,
  monitoring_ended_early: ({ reason }) => `pemantauan diakhiri lebih awal: ${reason}`,
  withdrawal_requested: ({ reason }) => `penarikan kasus diajukan: ${reason}`,
  withdrawal_approved: ({ requestedBy }) => `penarikan kasus yang diajukan ${requestedBy} disetujui`,
  police_package_delivered: ({ referenceId }) => `paket bukti diserahkan ke Polda (referensi ${referenceId})`,
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
    `${platform(name)} menjawab lagi: ${label(PLATFORM_STEP, step)} selesai, terlambat ${late} percobaan`,
  platform_step_late: ({ platform: name, step, error }) =>
    `${platform(name)} tidak menjawab (${error}); ${label(PLATFORM_STEP, step)} terlambat dan dicoba lagi`,
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
    `${platform(name)}: ${label(RESULT, result)}${level ? ` setelah ${level}` : ''}`,
  sla_reminder: ({ percent, sla, dueAt }) =>
    `${percent}% waktu SLA ${label(SLA, sla)} telah berlalu; tenggat ${dueAt}`,
  sla_breach: ({ sla, dueAt }) =>
    `SLA ${label(SLA, sla)} terlampaui (tenggat ${dueAt}); dieskalasi ke para supervisor`,
  sla_met: ({ sla, late }) => `${label(SLA, sla)} selesai ${late ? 'melewati' : 'dalam batas'} SLA`,
  monitoring_started: ({ watched, until }) =>
    `memantau ${watched} URL yang diturunkan terhadap unggahan ulang hingga ${until}`,
  reupload_reported: ({ source }) => `terdeteksi lagi oleh ${source} selama pemantauan`,
  reupload_detected: ({ url, platform: name, reason }) =>
    `${url} dapat diakses lagi di ${platform(name)} (${reason}); takedown baru diminta`,
  reupload_check_missed: ({ url, error }) =>
    `pengecekan unggahan ulang ${url} gagal (${error}); dicoba lagi pada pengecekan berikutnya`,
  reupload_checked_again: ({ url, missed }) => `${url} dicek lagi setelah ${missed} pengecekan terlewat`,
  continued_as_new: ({ stage, historyLength }) =>
    `tahap ${label(STAGE, stage)} berlanjut di run baru (riwayat ${historyLength} event)`,
  notification_failed: ({ audience, subject }) =>
    `gagal memberi tahu ${label(AUDIENCE, audience)}: ${subject}`,
  track_failed: ({ track, key, error }) =>
    `jalur ${label(TRACK, track)}${track === 'takedown' && key ? ` ${key}` : ''} gagal: ${error}`,
  archive_failed: ({ error }) => `pengarsipan riwayat gagal: ${error}`,
  closed: ({ resolution }) => `ditutup: ${label(RESOLUTION, resolution)}`,
  claim_linked: ({ caseId, similarity, clarified }) =>
    `klaim yang sama dengan ${caseId} (kemiripan ${similarity.toFixed(2)})${clarified ? '; klarifikasinya yang sudah terbit dapat dipakai ulang' : ''}`,
  clarification_reused: ({ fromCaseId, label: hoaxLabel, publications }) =>
    `klarifikasi [${hoaxLabel}] dari ${fromCaseId} dipakai ulang apa adanya: ${publications.map((publication) => `${label(CHANNEL, publication.channel)} ${publication.url}`).join(', ')}`,
  learning_step_failed: ({ step, error }) =>
    `${label(LEARNING_STEP, step)} gagal, kasus berlanjut tanpanya: ${error}`,
};

/** The codes this file can render (the unit test checks they are exactly the domain's). */
export const RENDERED_CODES = Object.keys(TEMPLATES);

/**
 * An entry's text in Bahasa Indonesia. `categoryLabels` comes from /api/vocabulary. A code this console
 * does not know yet (a newer worker) shows its code and parameters rather than nothing.
 */
export function timelineText(entry, categoryLabels = {}) {
  const message = entry.message;
  if (!message) return entry.summary ?? '';
  const template = TEMPLATES[message.code];
  if (!template) return `${message.code} ${JSON.stringify(message.params)}`;
  return template(message.params, categoryLabels);
}

export function actionLabel(action) {
  return ACTION_LABELS[action] ?? action.replace(/_/g, ' ');
}
