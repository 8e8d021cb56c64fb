// One case: what it is about, where it stands, its evidence, deadlines and timeline, and the forms for
// the steps the officer may take now.

import { actionForm } from './action-forms.js';
import { apiPath, get, getRaw } from './api.js';
import { countdown, formatTime, h, timeElement } from './dom.js';
import {
  PRIORITY_LABELS,
  ROLE_LABELS,
  STAGE_LABELS,
  STATEMENT_LABELS,
  TRACK_STATUS_LABELS,
  VERDICT_LABELS,
  categoryLabel,
  regionLabel,
} from './labels.js';
import { timelineSection } from './timeline-view.js';
import { auditArchivePanel } from './audit-panel.js';

function definitionList(entries) {
  return h(
    'dl',
    { class: 'facts' },
    entries
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
  );
}

function contentLink(url) {
  if (!/^https?:\/\//i.test(url)) return url;
  return h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'external' }, url);
}

function verdictText(verdict) {
  const v = verdict.verdict;
  const detail = v.kind === 'hoax' ? ` [${v.label}]` : v.category ? ` (${v.category})` : '';
  return `${VERDICT_LABELS[v.kind] || v.kind}${detail} — ${v.reasons.join('; ')}`;
}

/** Claim matching (issue 15): the case this one repeats, and whether its clarification was reused. */
function claimLinkText(state) {
  const link = state.claimLink;
  if (!link) return undefined;
  const reused = state.clarificationReuse
    ? ` · klarifikasinya dipakai ulang oleh ${state.clarificationReuse.by.officerId}`
    : link.clarification
      ? ` · klarifikasi [${link.clarification.label}] "${link.clarification.title}" dapat dipakai ulang`
      : '';
  return h(
    'span',
    {},
    h('a', { href: `#/cases/${link.caseId}` }, link.caseId),
    ` (kemiripan ${link.similarity.toFixed(2)})${reused}`,
  );
}

function summary(ctx, state) {
  const subject = state.subject;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'case-summary' },
    h('h2', { id: 'case-summary' }, 'Ringkasan'),
    definitionList([
      ['Tahap', h('span', { class: `badge stage-${state.stage}` }, STAGE_LABELS[state.stage] || state.stage)],
      [
        'Prioritas',
        h(
          'span',
          { class: `badge priority-${state.priority}` },
          PRIORITY_LABELS[state.priority] || state.priority,
        ),
      ],
      ['SLA', state.slaBreached ? h('span', { class: 'badge breached' }, 'SLA terlewat') : 'Sesuai tenggat'],
      ['Kategori', categoryLabel(ctx.vocabulary, state.category)],
      ['Wilayah', regionLabel(state.region)],
      ['Verifikator', state.assignee || 'belum ada'],
      ['Konten', subject.url ? contentLink(subject.url) : subject.textExcerpt || subject.contentSha256],
      ['Teks', subject.url ? subject.textExcerpt : undefined],
      ['Alasan pelapor', subject.reason],
      [
        'Deteksi',
        `${state.detections.count} (${Object.entries(state.detections.bySource)
          .map(([source, n]) => `${source}: ${n}`)
          .join(', ')})`,
      ],
      [
        'Klasifikasi',
        state.classification
          ? `${categoryLabel(ctx.vocabulary, state.classification.category)} · keyakinan ${state.classification.confidence.toFixed(2)} · aturan ${state.classification.rules.join(', ') || '–'} · model ${state.classification.modelVersion || 'rules-only'}`
          : undefined,
      ],
      ['Klaim serupa', claimLinkText(state)],
      [
        'Putusan',
        state.verdict
          ? `${verdictText(state.verdict)} (oleh ${state.verdict.by.officerId}, ${formatTime(state.verdict.at)})`
          : undefined,
      ],
      ['Dibuka', formatTime(state.openedAt)],
      [
        'Kasus sebelumnya',
        state.previousCase
          ? h('a', { href: `#/cases/${state.previousCase.caseId}` }, state.previousCase.caseId)
          : undefined,
      ],
      [
        'Hasil akhir',
        state.outcome ? `${state.outcome.resolution} (${formatTime(state.outcome.closedAt)})` : undefined,
      ],
      [
        'Arsip riwayat',
        state.outcome && state.outcome.archive
          ? h(
              'span',
              {},
              h('code', {}, `${state.outcome.archive.bucket}/${state.outcome.archive.key}`),
              ' SHA-256 ',
              h('code', { class: 'digest' }, state.outcome.archive.sha256),
            )
          : undefined,
      ],
    ]),
  );
}

function tracks(state) {
  const items = [];
  for (const kind of ['clarification', 'response']) {
    const track = state.tracks[kind];
    if (!track) continue;
    items.push(
      h(
        'li',
        {},
        `Pernyataan ${STATEMENT_LABELS[kind]}: ${TRACK_STATUS_LABELS[track.status] || track.status}`,
        track.draft ? ` (revisi ${track.draft.revision} oleh ${track.draft.by.officerId})` : '',
        track.approval ? `, disetujui ${track.approval.by.officerId}` : '',
        track.publication
          ? h(
              'ul',
              {},
              track.publication.publications.map((p) => h('li', {}, `${p.channel}: `, contentLink(p.url))),
            )
          : null,
      ),
    );
  }
  for (const takedown of state.tracks.takedowns) {
    items.push(
      h(
        'li',
        {},
        `Takedown ${takedown.key} (${takedown.platform}): ${takedown.status}`,
        takedown.level ? ` · eskalasi ${takedown.level}` : '',
        takedown.objection ? ` · sanggahan: ${takedown.objection.reason}` : '',
        ' · ',
        contentLink(takedown.url),
      ),
    );
  }
  if (state.tracks.police) {
    const police = state.tracks.police;
    items.push(
      h(
        'li',
        {},
        `Polda: ${police.status}`,
        police.referenceId ? ` · ref ${police.referenceId}` : '',
        police.report ? ` · LP ${police.report.number}` : '',
      ),
    );
  }
  if (state.withdrawal) {
    items.push(
      h(
        'li',
        {},
        `Penarikan diajukan ${state.withdrawal.requestedBy.officerId}: ${state.withdrawal.reason}`,
        state.withdrawal.approvedBy
          ? `, disetujui ${state.withdrawal.approvedBy.officerId}`
          : ' (menunggu supervisor lain)',
      ),
    );
  }
  if (items.length === 0) return null;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'case-tracks' },
    h('h2', { id: 'case-tracks' }, 'Jalur tindak lanjut'),
    h('ul', { class: 'tracks' }, items),
  );
}

function evidence(state) {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'case-evidence' },
    h('h2', { id: 'case-evidence' }, 'Bukti'),
    state.evidence.length === 0
      ? h('p', { class: 'muted' }, 'Belum ada bukti.')
      : h(
          'table',
          { class: 'evidence' },
          h('caption', { class: 'visually-hidden' }, 'Bukti dengan SHA-256'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Jenis', 'SHA-256', 'Objek', 'Diambil'].map((t) => h('th', { scope: 'col' }, t)),
            ),
          ),
          h(
            'tbody',
            {},
            state.evidence.map((record) =>
              h(
                'tr',
                {},
                h('td', {}, record.kind),
                h('td', {}, h('code', { class: 'digest' }, record.sha256)),
                h(
                  'td',
                  {},
                  h('code', {}, `${record.bucket}/${record.key}`),
                  record.fetch && record.fetch.status ? ` (HTTP ${record.fetch.status})` : '',
                ),
                h('td', {}, timeElement(record.capturedAt)),
              ),
            ),
          ),
        ),
  );
}

function deadlines(state) {
  const open = state.deadlines.filter((d) => !d.closedAt);
  const closed = state.deadlines.filter((d) => d.closedAt);
  const CLOSED = { met: 'tepat waktu', met_late: 'terlambat', cancelled: 'dibatalkan' };
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'case-deadlines' },
    h('h2', { id: 'case-deadlines' }, 'Tenggat SLA'),
    open.length === 0 && closed.length === 0 ? h('p', { class: 'muted' }, 'Belum ada tenggat.') : null,
    h(
      'ul',
      { class: 'deadlines' },
      open.map((d) =>
        h(
          'li',
          {},
          h('strong', {}, d.label),
          ` — jatuh tempo ${formatTime(d.dueAt)} · `,
          countdown(d.dueAt),
          d.breachedAt ? h('span', { class: 'badge breached' }, 'terlewat') : null,
          d.assignee ? ` · ${d.assignee}` : '',
        ),
      ),
      closed.map((d) =>
        h(
          'li',
          { class: 'muted' },
          `${d.label} — selesai ${formatTime(d.closedAt)} (${CLOSED[d.closedHow] || d.closedHow})`,
        ),
      ),
    ),
  );
}

async function sha256Hex(text) {
  // crypto.subtle exists on https and on localhost only.
  if (!globalThis.crypto || !crypto.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Auditors and supervisors: the raw Temporal history, its SHA-256 checked here in the browser too. */
function historyExport(caseId) {
  const result = h('p', { class: 'history-result', 'aria-live': 'polite' });
  const button = h(
    'button',
    { type: 'button', class: 'button-quiet' },
    'Ekspor riwayat Temporal (JSON + SHA-256)',
  );
  button.addEventListener('click', async () => {
    result.textContent = 'Mengambil riwayat…';
    try {
      const { text, headers } = await getRaw(apiPath`/api/cases/${caseId}/history?format=raw`);
      const announced = headers.get('x-saring-history-sha256');
      const computed = (await sha256Hex(text)) ?? announced;
      const runId = headers.get('x-saring-run-id');
      const blob = new Blob([text], { type: 'application/json' });
      result.replaceChildren(
        h(
          'span',
          { class: computed === announced ? '' : 'form-error' },
          computed === announced ? 'SHA-256: ' : `SHA-256 TIDAK cocok (API: ${announced}): `,
        ),
        h('code', { class: 'digest' }, computed),
        ` · run ${runId} · `,
        h(
          'a',
          { href: URL.createObjectURL(blob), download: `${caseId}-${runId}.history.json` },
          'unduh berkas riwayat',
        ),
      );
    } catch (failure) {
      result.textContent = failure.message;
    }
  });
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'case-audit' },
    h('h2', { id: 'case-audit' }, 'Audit'),
    button,
    result,
  );
}

export async function renderCase(container, ctx, caseId) {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const heading = h('h1', { tabindex: '-1' }, `Kasus ${caseId}`);
  const body = h('div', { class: 'case-body' });
  container.replaceChildren(
    h('p', {}, h('a', { href: '#/cases' }, '← Kembali ke antrean')),
    h('div', { class: 'view-head' }, heading),
    error,
    body,
  );

  const load = async () => {
    error.textContent = '';
    // A case that has just been reported may not answer queries for a moment: retry server errors briefly.
    for (let attempt = 1; ; attempt += 1) {
      try {
        const [state, { actions }, { timeline: entries }] = await Promise.all([
          get(apiPath`/api/cases/${caseId}`),
          get(apiPath`/api/cases/${caseId}/actions`),
          get(apiPath`/api/cases/${caseId}/timeline`),
        ]);
        draw(state, actions, entries);
        return;
      } catch (failure) {
        if (attempt < 5 && (failure.status === 0 || failure.status >= 500)) {
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
          continue;
        }
        error.textContent = failure.message;
        return;
      }
    }
  };

  // After a note (a signal) the timeline shows it once the worker has applied it: look a few times.
  const awaitNote = async (before) => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { timeline: entries } = await get(apiPath`/api/cases/${caseId}/timeline`);
      if (entries.length > before) break;
    }
    await load();
  };

  const draw = (state, actions, entries) => {
    const forms = actions
      .map((action) =>
        actionForm(ctx, caseId, state, action, (newState) => (newState ? load() : awaitNote(entries.length))),
      )
      .filter(Boolean);
    const actionPanel = ctx.me.can.takeCaseSteps
      ? h(
          'section',
          { class: 'panel actions-panel', 'aria-labelledby': 'case-actions' },
          h('h2', { id: 'case-actions' }, 'Langkah Anda'),
          forms.length > 0
            ? forms
            : h(
                'p',
                { class: 'muted' },
                `Tidak ada langkah untuk peran ${ROLE_LABELS[ctx.me.role]} pada tahap ini.`,
              ),
        )
      : null;
    body.replaceChildren(
      h(
        'div',
        { class: 'case-main' },
        summary(ctx, state),
        tracks(state),
        evidence(state),
        deadlines(state),
        timelineSection(entries),
      ),
      h(
        'div',
        { class: 'case-side' },
        actionPanel,
        ctx.me.can.exportHistory ? historyExport(caseId) : null,
        ctx.me.role === 'auditor' ? auditArchivePanel(caseId) : null,
      ),
    );
  };

  await load();
  return { refresh: load };
}
