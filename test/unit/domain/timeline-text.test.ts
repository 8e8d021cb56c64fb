import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  CATEGORY_LABELS,
  TIMELINE_CODES,
  TimelineEntry,
  TimelineMessage,
  renderTimelineMessage,
  timelineEntryText,
  type TimelineCode,
  type TimelineParams,
} from '../../../domain';

/**
 * One message of every code, with the English sentence runs without the timeline-codes patch stored
 * for it (the templates that were in workflows/ before the codes, written out by hand here).
 */
const SAMPLES: { [C in TimelineCode]: { params: TimelineParams<C>; en: string } } = {
  detected: {
    params: { source: 'crawler:ais', url: 'https://x.com/a/1' },
    en: 'reported by crawler:ais: https://x.com/a/1',
  },
  classified: {
    params: { category: 'online_gambling', confidence: 0.876, rules: ['slot', 'gacor'], priority: 'high' },
    en: 'Judi online (confidence 0.88; rules slot, gacor); priority high',
  },
  not_classified_hash_only: {
    params: {},
    en: 'not classified: the detection carries only a content hash; the verifier decides',
  },
  intake_step_failed: {
    params: { step: 'detection_text', error: 'S3 down' },
    en: 'storing the detection text failed, the case goes on without it: S3 down',
  },
  evidence_captured: {
    params: { key: 'evidence/c1/snap.json', sha256: 'ab'.repeat(32) },
    en: 'snapshot evidence/c1/snap.json sha256 abababababab...',
  },
  snapshot_failed: { params: { error: 'Error: timeout' }, en: 'snapshot failed: Error: timeout' },
  stage_changed: { params: { from: 'intake', to: 'verification' }, en: 'intake -> verification' },
  case_claimed: { params: { assignee: 'siti.verifier' }, en: 'siti.verifier claimed the case' },
  case_assigned: { params: { assignee: 'siti.verifier' }, en: 'assigned to siti.verifier' },
  verdict_submitted: {
    params: {
      verdict: {
        kind: 'criminal',
        category: 'fraud',
        reasons: ['phishing', 'fake bank'],
        takedown: [],
        publicResponse: false,
      },
    },
    en: 'criminal: fraud: phishing; fake bank',
  },
  statement_drafted: {
    params: { kind: 'clarification', revision: 2, title: 'Bukan banjir' },
    en: 'clarification revision 2: Bukan banjir',
  },
  statement_approved: {
    params: { kind: 'response', revision: 1, draftedBy: 'andi.supervisor' },
    en: 'response revision 1 approved (drafted by andi.supervisor)',
  },
  statement_rejected: {
    params: { kind: 'clarification', revision: 1, reason: 'sumber kurang' },
    en: 'clarification revision 1 sent back: sumber kurang',
  },
  statement_published: {
    params: {
      kind: 'clarification',
      publications: [
        { channel: 'website', url: 'https://kalselprov.go.id/k/1' },
        { channel: 'instagram', url: 'https://instagram.com/p/1' },
      ],
    },
    en: 'clarification published on website https://kalselprov.go.id/k/1, instagram https://instagram.com/p/1',
  },
  note: { params: { text: 'source traced' }, en: 'source traced' },
  monitoring_ended_early: { params: { reason: 'site gone' }, en: 'monitoring ended early: site gone' },
  withdrawal_requested: { params: { reason: 'duplicate' }, en: 'duplicate' },
  withdrawal_approved: {
    params: { requestedBy: 'andi.supervisor' },
    en: 'withdrawal requested by andi.supervisor approved',
  },
  police_package_delivered: {
    params: { referenceId: 'POL-7' },
    en: 'evidence package delivered to the police (reference POL-7)',
  },
  police_acknowledged: {
    params: { referenceId: 'POL-7' },
    en: 'police acknowledged the evidence package POL-7',
  },
  police_report_recorded: { params: { reportNumber: 'LP/B/12' }, en: 'police report LP/B/12' },
  police_follow_up: { params: { text: 'suspect called' }, en: 'suspect called' },
  police_escalation_failed: { params: { error: 'no answer' }, en: 'police escalation failed: no answer' },
  takedown_requested: {
    params: { platform: 'meta', ticketId: 'T-1', dueAt: '2026-01-02T00:00:00.000Z' },
    en: 'takedown requested from meta (ticket T-1), due 2026-01-02T00:00:00.000Z',
  },
  platform_objected: { params: { platform: 'x', reason: 'satire' }, en: 'x objected: satire' },
  objection_resolved: {
    params: { platform: 'x', decision: 'reject', reason: 'not satire' },
    en: 'x objection rejected: not satire',
  },
  takedown_removed: {
    params: { platform: 'meta', url: 'https://fb.com/1', reason: 'HTTP 404' },
    en: 'meta removed the content: https://fb.com/1 is gone (HTTP 404)',
  },
  takedown_still_reachable: {
    params: { platform: 'meta', url: 'https://fb.com/1', reason: 'HTTP 200' },
    en: 'meta reports the content removed but https://fb.com/1 is still reachable (HTTP 200)',
  },
  platform_answers_again: {
    params: { platform: 'tiktok', step: 'takedown_request', late: 3 },
    en: 'tiktok answers again: the takedown request done, 3 attempt(s) late',
  },
  platform_step_late: {
    params: { platform: 'tiktok', step: 'blocklist_recommendation', error: '503' },
    en: 'tiktok does not answer (503); the blocklist recommendation is late and is tried again',
  },
  polls_resumed: {
    params: { platform: 'youtube', missed: 2 },
    en: 'youtube answers again after 2 missed poll(s)',
  },
  poll_failed: {
    params: { platform: 'youtube', error: '502' },
    en: 'youtube does not answer (502); polling goes on',
  },
  takedown_escalated: {
    params: { step: 'ST2', platform: 'telegram', letterId: 'L-9' },
    en: 'ST2 sent to telegram (letter L-9)',
  },
  blocklist_recommended: {
    params: { domain: 'slot.example', recommendationId: 'R-1' },
    en: 'slot.example recommended for the national blocklist (R-1)',
  },
  takedown_withdrawn: {
    params: { platform: 'meta', ticketId: 'T-1' },
    en: 'meta told that takedown request T-1 is withdrawn',
  },
  takedown_finished: {
    params: { platform: 'website', result: 'blocklist_recommended', level: 'ST3' },
    en: 'website: blocklist recommended after ST3',
  },
  sla_reminder: {
    params: { sla: 'verification', label: 'verification', percent: 75, dueAt: '2026-01-02T00:00:00.000Z' },
    en: '75% of the SLA for verification passed; due 2026-01-02T00:00:00.000Z',
  },
  sla_breach: {
    params: {
      sla: 'takedown_compliance',
      label: 'takedown on meta (meta-1)',
      dueAt: '2026-01-02T00:00:00.000Z',
    },
    en: 'SLA for takedown on meta (meta-1) breached (due 2026-01-02T00:00:00.000Z); escalated to the supervisors',
  },
  sla_met: {
    params: { sla: 'clarification_publication', label: 'clarification publication', late: false },
    en: 'clarification publication done within its SLA',
  },
  monitoring_started: {
    params: { watched: 2, until: '2026-02-01T00:00:00.000Z' },
    en: 'watching 2 removed URL(s) for re-uploads until 2026-02-01T00:00:00.000Z',
  },
  reupload_reported: { params: { source: 'public' }, en: 'detected again by public during monitoring' },
  reupload_detected: {
    params: { url: 'https://fb.com/1', platform: 'meta', reason: 'HTTP 200' },
    en: 'https://fb.com/1 is reachable again on meta (HTTP 200); new takedown requested',
  },
  reupload_check_missed: {
    params: { url: 'https://fb.com/1', error: 'timeout' },
    en: 're-upload check of https://fb.com/1 failed (timeout); tried again at the next check',
  },
  reupload_checked_again: {
    params: { url: 'https://fb.com/1', missed: 2 },
    en: 'https://fb.com/1 checked again after 2 missed check(s)',
  },
  continued_as_new: {
    params: { stage: 'monitoring', historyLength: 1234 },
    en: 'monitoring continues in a new run (history 1234 events)',
  },
  notification_failed: {
    params: { audience: 'supervisors', subject: 'Case c1 breached' },
    en: 'could not notify supervisors: Case c1 breached',
  },
  track_failed: {
    params: { track: 'takedown', key: 'meta-1 attempt 2', error: 'boom' },
    en: 'takedown meta-1 attempt 2 failed: boom',
  },
  archive_failed: { params: { error: 'Error: S3' }, en: 'history archive failed: Error: S3' },
  closed: { params: { resolution: 'no_violation' }, en: 'closed: no violation' },
  claim_linked: {
    params: { caseId: 'case-11111111111111111111', similarity: 0.456, clarified: true },
    en: 'same claim as case-11111111111111111111 (similarity 0.46); its published clarification can be reused',
  },
  clarification_reused: {
    params: {
      fromCaseId: 'case-11111111111111111111',
      label: 'HOAKS',
      publications: [{ channel: 'website', url: 'https://kominfo.example/k/1' }],
    },
    en: 'the [HOAKS] clarification of case-11111111111111111111 reused as it stands: website https://kominfo.example/k/1',
  },
  learning_step_failed: {
    params: { step: 'claim_index', error: 'S3 down' },
    en: 'registering the claim for matching failed, the case goes on without it: S3 down',
  },
};

const messages = (Object.keys(SAMPLES) as TimelineCode[]).map(
  (code) => ({ code, params: SAMPLES[code].params }) as TimelineMessage,
);

/** The console's renderer (plain browser JS) run by node as the browser would. */
function consoleTexts(entries: unknown[]): { texts: string[]; codes: string[] } {
  const script = `import { timelineText, RENDERED_CODES } from ${JSON.stringify(path.join(__dirname, '../../../console/timeline-text.js'))};
const { entries, categories } = JSON.parse(process.argv[1]);
process.stdout.write(JSON.stringify({ texts: entries.map((entry) => timelineText(entry, categories)), codes: RENDERED_CODES }));`;
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify({ entries, categories: CATEGORY_LABELS })],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as { texts: string[]; codes: string[] };
}

describe('timeline messages: a code and its parameters, rendered in the reader language', () => {
  it('every sample is a valid message, and the samples cover every code', () => {
    expect([...TIMELINE_CODES].sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const message of messages) expect(TimelineMessage.parse(message)).toEqual(message);
  });

  it.each(messages.map((message) => [message.code, message] as const))(
    'English of %s is word for word the summary recorded before the codes',
    (code, message) => {
      expect(renderTimelineMessage(message, 'en')).toBe(SAMPLES[code].en);
    },
  );

  it('Indonesian differs from English for every code that carries words (not only parameters)', () => {
    const sameInBoth = messages.filter(
      (message) => renderTimelineMessage(message, 'id') === renderTimelineMessage(message, 'en'),
    );
    // A note, a police follow-up and an unparsed name are the officer's own words in either language.
    expect(sameInBoth.map((message) => message.code).sort()).toEqual(['note', 'police_follow_up']);
  });

  it('Indonesian wording of a few codes, read by a person', () => {
    const id = (code: TimelineCode) =>
      renderTimelineMessage(
        messages.find((m) => m.code === code)!,
        'id',
      );
    expect(id('case_claimed')).toBe('siti.verifier mengambil kasus ini');
    expect(id('stage_changed')).toBe('Masuk → Verifikasi');
    expect(id('verdict_submitted')).toBe('pidana: Penipuan / phishing: phishing; fake bank');
    expect(id('takedown_finished')).toBe('situs web: direkomendasikan untuk diblokir setelah ST3');
    expect(id('sla_met')).toBe('penerbitan klarifikasi selesai dalam batas SLA');
    expect(id('closed')).toBe('ditutup: tidak melanggar');
  });

  it('the console renders every code exactly as the domain Indonesian renderer does', () => {
    const entries = messages.map((message, index) => ({ seq: index + 1, message }));
    const { texts, codes } = consoleTexts(entries);
    expect([...codes].sort()).toEqual([...TIMELINE_CODES].sort());
    expect(texts).toEqual(messages.map((message) => renderTimelineMessage(message, 'id')));
  });

  it('an entry from before the codes renders its stored summary, in either language and in the console', () => {
    const old = TimelineEntry.parse({
      seq: 1,
      at: '2025-11-01T00:00:00.000Z',
      action: 'assigned',
      summary: 'siti.verifier claimed the case',
    });
    expect(timelineEntryText(old, 'en')).toBe('siti.verifier claimed the case');
    expect(timelineEntryText(old, 'id')).toBe('siti.verifier claimed the case');
    expect(consoleTexts([old]).texts).toEqual(['siti.verifier claimed the case']);
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
