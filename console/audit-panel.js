// The auditor's view of a case's archive: is it intact (verification from the archive alone) and does
// the current workflow code replay it to the same decisions (replay, with the case after each step).

import { apiPath, get } from './api.js';
import { h } from './dom.js';
import { STAGE_LABELS, VERDICT_LABELS } from './labels.js';

const FINDING_LABELS = {
  altered: 'diubah',
  removed: 'dihapus',
  inserted: 'disisipkan',
  reordered: 'urutannya berubah',
  unsigned: 'tanpa tanda tangan sah',
};

function verificationView(result) {
  const { checked } = result;
  if (result.ok)
    return h(
      'p',
      { class: 'audit-ok', 'data-result': 'intact' },
      `Arsip utuh: ${checked.runs} run kasus dan ${checked.childRuns} run anak sesuai manifes; ` +
        `rantai ${checked.ledgerEntries} entri ledger sampai kepala #${checked.headSeq} yang ditandatangani.`,
    );
  return h('div', { 'data-result': 'tampered' }, [
    h('p', { class: 'form-error' }, `Arsip TIDAK utuh: ${result.findings.length} temuan.`),
    h(
      'ul',
      { class: 'audit-findings' },
      result.findings.map((finding) =>
        h(
          'li',
          { 'data-kind': finding.kind },
          h('strong', {}, FINDING_LABELS[finding.kind] || finding.kind),
          ` ${finding.key}: ${finding.detail}`,
        ),
      ),
    ),
  ]);
}

function stepsTable(steps) {
  return h(
    'table',
    { class: 'audit-steps' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Event', 'Tahap', 'Putusan', 'Jalur', 'Tenggat terbuka'].map((t) => h('th', {}, t)),
      ),
    ),
    h(
      'tbody',
      {},
      steps.map((step) =>
        h(
          'tr',
          {},
          h('td', {}, `#${step.eventId}`),
          h('td', {}, STAGE_LABELS[step.stage] || step.stage),
          h('td', {}, step.verdict ? VERDICT_LABELS[step.verdict] || step.verdict : '–'),
          h('td', {}, step.tracks.join(', ') || '–'),
          h(
            'td',
            {},
            step.openDeadlines.map((d) => `${d.label}${d.breached ? ' (terlampaui)' : ''}`).join(', ') || '–',
          ),
        ),
      ),
    ),
  );
}

function replayView(result) {
  const diverged = result.runs.filter((run) => run.result === 'diverged');
  return h('div', { 'data-result': diverged.length === 0 ? 'agreed' : 'diverged' }, [
    h(
      'p',
      { class: diverged.length === 0 ? 'audit-ok' : 'form-error' },
      diverged.length === 0
        ? `Replay sesuai: ${result.runs.length} run diputar ulang dengan kode saat ini, keputusan sama di setiap langkah.`
        : `Replay BERBEDA pada ${diverged.length} dari ${result.runs.length} run.`,
    ),
    result.runs.map((run) =>
      h(
        'details',
        { class: 'audit-run', 'data-run': run.runId, open: run.result === 'diverged' },
        h(
          'summary',
          {},
          `${run.workflowId} · run ${run.runId.slice(0, 8)} · `,
          run.result === 'agreed'
            ? `sesuai (${run.steps.length} langkah)`
            : `berbeda pada event #${run.divergence?.eventId ?? '?'}`,
        ),
        run.divergence ? h('p', { class: 'form-error' }, run.divergence.message) : null,
        run.recordedBuildIds.length
          ? h('p', { class: 'muted' }, `Direkam oleh build ${run.recordedBuildIds.join(', ')}`)
          : null,
        run.steps.length ? stepsTable(run.steps) : null,
      ),
    ),
  ]);
}

function checkButton(label, busyText, load, render) {
  const result = h('div', { class: 'audit-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'button-quiet' }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, busyText));
    try {
      result.replaceChildren(render(await load()));
    } catch (failure) {
      result.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, failure.message));
    } finally {
      button.disabled = false;
    }
  });
  return [button, result];
}

/** The panel, for auditors: verification and replay of the case's archive, on request (a replay takes a while). */
export function auditArchivePanel(caseId) {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'case-archive-audit' },
    h('h2', { id: 'case-archive-audit' }, 'Arsip audit'),
    h(
      'p',
      { class: 'muted' },
      'Diperiksa dari arsip saja (tanpa Temporal), setelah kasus ditutup dan diarsipkan.',
    ),
    checkButton(
      'Periksa keutuhan arsip',
      'Memeriksa manifes, digest setiap run dan rantai ledger…',
      () => get(apiPath`/api/audit/cases/${caseId}/verification`),
      verificationView,
    ),
    checkButton(
      'Putar ulang riwayat (replay)',
      'Memutar ulang setiap run dengan kode workflow saat ini…',
      () => get(apiPath`/api/audit/cases/${caseId}/replay`),
      replayView,
    ),
  );
}
