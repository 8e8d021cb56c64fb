import {
  TIMELINE_CODES,
  TimelineEntry,
  TimelineMessage,
  renderTimelineMessage,
  timelineEntryText,
  type TimelineCode,
  type TimelineParams,
} from '../../../domain';
import { withTimelineTexts } from '../../../api/timeline-with-texts';

/**
 * One message of every code: its parameters, the English sentence runs without the timeline-codes patch
 * stored for it (the templates that were in workflows/ before the codes, written out by hand here), and
 * its Bahasa Indonesia (as the console showed it when it still had its own copy of the templates).
 */
const SAMPLES: { [C in TimelineCode]: [params: TimelineParams<C>, en: string, id: string] } = {
  detected: [
    { source: 'crawler:ais', url: 'https://x.com/a/1' },
    'reported by crawler:ais: https://x.com/a/1',
    'dilaporkan oleh crawler:ais: https://x.com/a/1',
  ],
  classified: [
    { category: 'online_gambling', confidence: 0.876, rules: ['slot', 'gacor'], priority: 'high' },
    'Judi online (confidence 0.88; rules slot, gacor); priority high',
    'Judi online (keyakinan 0.88; aturan slot, gacor); prioritas tinggi',
  ],
  not_classified_hash_only: [
    {},
    'not classified: the detection carries only a content hash; the verifier decides',
    'tidak diklasifikasi: deteksi hanya membawa hash konten; verifikator yang memutuskan',
  ],
  intake_step_failed: [
    { step: 'detection_text', error: 'S3 down' },
    'storing the detection text failed, the case goes on without it: S3 down',
    'penyimpanan teks deteksi gagal, kasus berlanjut tanpanya: S3 down',
  ],
  evidence_captured: [
    { key: 'evidence/c1/snap.json', sha256: 'ab'.repeat(32) },
    'snapshot evidence/c1/snap.json sha256 abababababab...',
    'snapshot bukti evidence/c1/snap.json sha256 abababababab...',
  ],
  snapshot_failed: [
    { error: 'Error: timeout' },
    'snapshot failed: Error: timeout',
    'snapshot bukti gagal: Error: timeout',
  ],
  stage_changed: [{ from: 'intake', to: 'verification' }, 'intake -> verification', 'Masuk → Verifikasi'],
  case_claimed: [
    { assignee: 'siti.verifier' },
    'siti.verifier claimed the case',
    'siti.verifier mengambil kasus ini',
  ],
  case_assigned: [
    { assignee: 'siti.verifier' },
    'assigned to siti.verifier',
    'ditugaskan kepada siti.verifier',
  ],
  verdict_submitted: [
    {
      verdict: {
        kind: 'criminal',
        category: 'fraud',
        reasons: ['phishing', 'fake bank'],
        takedown: [],
        publicResponse: false,
      },
    },
    'criminal: fraud: phishing; fake bank',
    'pidana: Penipuan / phishing: phishing; fake bank',
  ],
  statement_drafted: [
    { kind: 'clarification', revision: 2, title: 'Bukan banjir' },
    'clarification revision 2: Bukan banjir',
    'klarifikasi revisi 2: Bukan banjir',
  ],
  statement_approved: [
    { kind: 'response', revision: 1, draftedBy: 'andi.supervisor' },
    'response revision 1 approved (drafted by andi.supervisor)',
    'tanggapan publik revisi 1 disetujui (disusun oleh andi.supervisor)',
  ],
  statement_rejected: [
    { kind: 'clarification', revision: 1, reason: 'sumber kurang' },
    'clarification revision 1 sent back: sumber kurang',
    'klarifikasi revisi 1 dikembalikan: sumber kurang',
  ],
  statement_published: [
    {
      kind: 'clarification',
      publications: [
        { channel: 'website', url: 'https://kalselprov.go.id/k/1' },
        { channel: 'instagram', url: 'https://instagram.com/p/1' },
      ],
    },
    'clarification published on website https://kalselprov.go.id/k/1, instagram https://instagram.com/p/1',
    'klarifikasi terbit di situs web https://kalselprov.go.id/k/1, Instagram https://instagram.com/p/1',
  ],
  note: [{ text: 'source traced' }, 'source traced', 'source traced'],
  monitoring_ended_early: [
    { reason: 'site gone' },
    'monitoring ended early: site gone',
    'pemantauan diakhiri lebih awal: site gone',
  ],
  withdrawal_requested: [{ reason: 'duplicate' }, 'duplicate', 'penarikan kasus diajukan: duplicate'],
  withdrawal_approved: [
    { requestedBy: 'andi.supervisor' },
    'withdrawal requested by andi.supervisor approved',
    'penarikan kasus yang diajukan andi.supervisor disetujui',
  ],
  police_package_delivered: [
    { referenceId: 'POL-7' },
    'evidence package delivered to the police (reference POL-7)',
    'paket bukti diserahkan ke Polda (referensi POL-7)',
  ],
  police_delivery_late: [
    { error: 'timeout' },
    'the evidence package could not be delivered to the police (timeout); delivery is tried again, less often each time',
    'paket bukti belum dapat diserahkan ke Polda (timeout); penyerahan dicoba lagi, makin jarang',
  ],
  police_acknowledged: [
    { referenceId: 'POL-7' },
    'police acknowledged the evidence package POL-7',
    'Polda mengonfirmasi penerimaan paket bukti POL-7',
  ],
  police_report_recorded: [{ reportNumber: 'LP/B/12' }, 'police report LP/B/12', 'Laporan Polisi LP/B/12'],
  police_follow_up: [{ text: 'suspect called' }, 'suspect called', 'suspect called'],
  police_escalation_failed: [
    { error: 'no answer' },
    'police escalation failed: no answer',
    'eskalasi ke Polda gagal: no answer',
  ],
  takedown_requested: [
    { platform: 'meta', ticketId: 'T-1', dueAt: '2026-01-02T00:00:00.000Z' },
    'takedown requested from meta (ticket T-1), due 2026-01-02T00:00:00.000Z',
    'permintaan takedown dikirim ke Meta (tiket T-1), tenggat 2026-01-02T00:00:00.000Z',
  ],
  platform_objected: [{ platform: 'x', reason: 'satire' }, 'x objected: satire', 'X menyanggah: satire'],
  objection_resolved: [
    { platform: 'x', decision: 'reject', reason: 'not satire' },
    'x objection rejected: not satire',
    'sanggahan X ditolak: not satire',
  ],
  takedown_removed: [
    { platform: 'meta', url: 'https://fb.com/1', reason: 'HTTP 404' },
    'meta removed the content: https://fb.com/1 is gone (HTTP 404)',
    'Meta menurunkan konten: https://fb.com/1 sudah tidak ada (HTTP 404)',
  ],
  takedown_still_reachable: [
    { platform: 'meta', url: 'https://fb.com/1', reason: 'HTTP 200' },
    'meta reports the content removed but https://fb.com/1 is still reachable (HTTP 200)',
    'Meta menyatakan konten sudah diturunkan, tetapi https://fb.com/1 masih dapat diakses (HTTP 200)',
  ],
  platform_answers_again: [
    { platform: 'tiktok', step: 'takedown_request', late: 3 },
    'tiktok answers again: the takedown request done, 3 attempt(s) late',
    'TikTok menjawab lagi: permintaan takedown selesai, terlambat 3 percobaan',
  ],
  platform_step_late: [
    { platform: 'tiktok', step: 'blocklist_recommendation', error: '503' },
    'tiktok does not answer (503); the blocklist recommendation is late and is tried again',
    'TikTok tidak menjawab (503); rekomendasi pemblokiran terlambat dan dicoba lagi',
  ],
  polls_resumed: [
    { platform: 'youtube', missed: 2 },
    'youtube answers again after 2 missed poll(s)',
    'YouTube menjawab lagi setelah 2 pengecekan terlewat',
  ],
  poll_failed: [
    { platform: 'youtube', error: '502' },
    'youtube does not answer (502); polling goes on',
    'YouTube tidak menjawab (502); pengecekan berlanjut',
  ],
  takedown_escalated: [
    { step: 'ST2', platform: 'telegram', letterId: 'L-9' },
    'ST2 sent to telegram (letter L-9)',
    'ST2 dikirim ke Telegram (surat L-9)',
  ],
  blocklist_recommended: [
    { domain: 'slot.example', recommendationId: 'R-1' },
    'slot.example recommended for the national blocklist (R-1)',
    'slot.example direkomendasikan untuk diblokir secara nasional (R-1)',
  ],
  takedown_withdrawn: [
    { platform: 'meta', ticketId: 'T-1' },
    'meta told that takedown request T-1 is withdrawn',
    'Meta diberi tahu bahwa permintaan takedown T-1 ditarik',
  ],
  takedown_finished: [
    { platform: 'website', result: 'blocklist_recommended', level: 'ST3' },
    'website: blocklist recommended after ST3',
    'situs web: direkomendasikan untuk diblokir setelah ST3',
  ],
  sla_reminder: [
    { sla: 'verification', label: 'verification', percent: 75, dueAt: '2026-01-02T00:00:00.000Z' },
    '75% of the SLA for verification passed; due 2026-01-02T00:00:00.000Z',
    '75% waktu SLA verifikasi telah berlalu; tenggat 2026-01-02T00:00:00.000Z',
  ],
  sla_breach: [
    { sla: 'takedown_compliance', label: 'takedown on meta (meta-1)', dueAt: '2026-01-02T00:00:00.000Z' },
    'SLA for takedown on meta (meta-1) breached (due 2026-01-02T00:00:00.000Z); escalated to the supervisors',
    'SLA kepatuhan takedown terlampaui (tenggat 2026-01-02T00:00:00.000Z); dieskalasi ke para supervisor',
  ],
  sla_met: [
    { sla: 'clarification_publication', label: 'clarification publication', late: false },
    'clarification publication done within its SLA',
    'penerbitan klarifikasi selesai dalam batas SLA',
  ],
  monitoring_started: [
    { watched: 2, until: '2026-02-01T00:00:00.000Z' },
    'watching 2 removed URL(s) for re-uploads until 2026-02-01T00:00:00.000Z',
    'memantau 2 URL yang diturunkan terhadap unggahan ulang hingga 2026-02-01T00:00:00.000Z',
  ],
  reupload_reported: [
    { source: 'public' },
    'detected again by public during monitoring',
    'terdeteksi lagi oleh public selama pemantauan',
  ],
  reupload_detected: [
    { url: 'https://fb.com/1', platform: 'meta', reason: 'HTTP 200' },
    'https://fb.com/1 is reachable again on meta (HTTP 200); new takedown requested',
    'https://fb.com/1 dapat diakses lagi di Meta (HTTP 200); takedown baru diminta',
  ],
  reupload_check_missed: [
    { url: 'https://fb.com/1', error: 'timeout' },
    're-upload check of https://fb.com/1 failed (timeout); tried again at the next check',
    'pengecekan unggahan ulang https://fb.com/1 gagal (timeout); dicoba lagi pada pengecekan berikutnya',
  ],
  reupload_checked_again: [
    { url: 'https://fb.com/1', missed: 2 },
    'https://fb.com/1 checked again after 2 missed check(s)',
    'https://fb.com/1 dicek lagi setelah 2 pengecekan terlewat',
  ],
  continued_as_new: [
    { stage: 'monitoring', historyLength: 1234 },
    'monitoring continues in a new run (history 1234 events)',
    'tahap Pemantauan berlanjut di run baru (riwayat 1234 event)',
  ],
  notification_failed: [
    { audience: 'supervisors', subject: 'Case c1 breached' },
    'could not notify supervisors: Case c1 breached',
    'gagal memberi tahu para supervisor: Case c1 breached',
  ],
  track_failed: [
    { track: 'takedown', key: 'meta-1 attempt 2', error: 'boom' },
    'takedown meta-1 attempt 2 failed: boom',
    'jalur takedown meta-1 attempt 2 gagal: boom',
  ],
  archive_failed: [
    { error: 'Error: S3' },
    'history archive failed: Error: S3',
    'pengarsipan riwayat gagal: Error: S3',
  ],
  closed: [{ resolution: 'no_violation' }, 'closed: no violation', 'ditutup: tidak melanggar'],
  claim_linked: [
    { caseId: 'case-11111111111111111111', similarity: 0.456, clarified: true },
    'same claim as case-11111111111111111111 (similarity 0.46); its published clarification can be reused',
    'klaim yang sama dengan case-11111111111111111111 (kemiripan 0.46); klarifikasinya yang sudah terbit dapat dipakai ulang',
  ],
  clarification_reused: [
    {
      fromCaseId: 'case-11111111111111111111',
      label: 'HOAKS',
      publications: [{ channel: 'website', url: 'https://kominfo.example/k/1' }],
    },
    'the [HOAKS] clarification of case-11111111111111111111 reused as it stands: website https://kominfo.example/k/1',
    'klarifikasi [HOAKS] dari case-11111111111111111111 dipakai ulang apa adanya: situs web https://kominfo.example/k/1',
  ],
  learning_step_failed: [
    { step: 'claim_index', error: 'S3 down' },
    'registering the claim for matching failed, the case goes on without it: S3 down',
    'pendaftaran klaim untuk pencocokan gagal, kasus berlanjut tanpanya: S3 down',
  ],
};

const samples = (Object.keys(SAMPLES) as TimelineCode[]).map((code) => {
  const [params, en, id] = SAMPLES[code];
  return { message: { code, params } as TimelineMessage, en, id };
});

describe('timeline messages: a code and its parameters, rendered in the reader language', () => {
  it('every sample is a valid message, and the samples cover every code', () => {
    expect([...TIMELINE_CODES].sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const { message } of samples) expect(TimelineMessage.parse(message)).toEqual(message);
  });

  it.each(samples.map((sample) => [sample.message.code, sample] as const))(
    '%s: English word for word as recorded before the codes, and its Bahasa Indonesia',
    (_code, { message, en, id }) => {
      expect(renderTimelineMessage(message, 'en')).toBe(en);
      expect(renderTimelineMessage(message, 'id')).toBe(id);
    },
  );

  it('Indonesian differs from English for every code that carries words (not only parameters)', () => {
    const sameInBoth = samples.filter(({ en, id }) => en === id).map(({ message }) => message.code);
    // A note and a police follow-up are the officer's own words in either language.
    expect(sameInBoth.sort()).toEqual(['note', 'police_follow_up']);
  });

  it('the API sends every entry with its text in both languages, from the same renderers', () => {
    const entries = samples.map(({ message }, index) =>
      TimelineEntry.parse({ seq: index + 1, at: '2026-11-01T00:00:00.000Z', action: 'note', message }),
    );
    expect(entries.map((entry) => withTimelineTexts(entry).text)).toEqual(
      samples.map(({ en, id }) => ({ en, id })),
    );
  });

  it('an entry from before the codes renders its stored summary, in either language and from the API', () => {
    const old = TimelineEntry.parse({
      seq: 1,
      at: '2025-11-01T00:00:00.000Z',
      action: 'assigned',
      summary: 'siti.verifier claimed the case',
    });
    expect(timelineEntryText(old, 'en')).toBe('siti.verifier claimed the case');
    expect(timelineEntryText(old, 'id')).toBe('siti.verifier claimed the case');
    expect(withTimelineTexts(old)).toEqual({
      ...old,
      text: { en: 'siti.verifier claimed the case', id: 'siti.verifier claimed the case' },
    });
  });

  it('an entry with neither a message nor a summary, or with a message of a wrong shape, is refused', () => {
    const base = { seq: 1, at: '2025-11-01T00:00:00.000Z', action: 'note' };
    expect(TimelineEntry.safeParse(base).success).toBe(false);
    expect(TimelineEntry.safeParse({ ...base, message: { code: 'note', params: {} } }).success).toBe(false);
    expect(TimelineEntry.safeParse({ ...base, message: { code: 'no_such_code', params: {} } }).success).toBe(
      false,
    );
    expect(
      TimelineEntry.safeParse({ ...base, message: { code: 'note', params: { text: 'x' } } }).success,
    ).toBe(true);
  });
});
