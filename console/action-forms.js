// One form per step the officer may take now (the API's /actions list, from the workflow's own rules).
// Each form builds the step's payload; the API adds who is acting. A refusal is shown next to the
// form word for word, as the workflow or the API wrote it.

import { apiPath, post } from './api.js';
import { field, h, select, uid } from './dom.js';
import {
  CHANNEL_LABELS,
  PILLAR_LABELS,
  STATEMENT_LABELS,
  STEP_TITLES,
  VERDICT_LABELS,
  categoryLabel,
} from './labels.js';

const lines = (text) =>
  String(text || '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const textValue = (data, name) => String(data.get(name) || '').trim();

function textarea(name, { rows = 3, required = true, placeholder } = {}) {
  return h('textarea', { name, rows, required, placeholder });
}

function checkboxGroup(legend, name, options, checked = []) {
  return h(
    'fieldset',
    { class: 'checkbox-group' },
    h('legend', {}, legend),
    options.map(([value, label]) => {
      const id = uid(name);
      return h(
        'span',
        { class: 'checkbox' },
        h('input', { type: 'checkbox', id, name, value, checked: checked.includes(value) }),
        h('label', { for: id }, label),
      );
    }),
  );
}

/** Takedown targets typed one per line as "platform url". */
function parseTargets(text, platforms) {
  return lines(text).map((line) => {
    const [platform, url] = line.split(/\s+/, 2);
    if (!platforms.includes(platform) || !url) {
      throw new Error(
        `Baris target "${line}" harus berbentuk "platform url", platform salah satu dari: ${platforms.join(', ')}.`,
      );
    }
    return { platform, url };
  });
}

function verdictFields(ctx) {
  const { vocabulary } = ctx;
  const kind = select('kind', Object.entries(VERDICT_LABELS), {
    required: true,
    emptyLabel: 'Pilih putusan',
  });
  const hoaxOnly = h(
    'div',
    { class: 'when-hoax', hidden: true },
    field(
      'Label hoaks',
      select(
        'label',
        vocabulary.hoaxLabels.map((l) => [l, `[${l}]`]),
      ),
    ),
  );
  const actionOnly = h(
    'div',
    { class: 'when-action', hidden: true },
    field(
      'Kategori pelanggaran',
      select(
        'category',
        vocabulary.actionCategories.map((c) => [c, categoryLabel(vocabulary, c)]),
      ),
    ),
  );
  const targets = h(
    'div',
    { class: 'when-targets', hidden: true },
    field(
      'Target takedown (opsional)',
      textarea('takedown', { rows: 2, required: false, placeholder: 'meta https://facebook.com/...' }),
      `Satu per baris: "platform url". Platform: ${vocabulary.platforms.join(', ')}. Kosong: URL kasus ini.`,
    ),
  );
  const publicResponseId = uid('public-response');
  const publicResponse = h(
    'div',
    { class: 'field checkbox when-targets', hidden: true },
    h('input', { type: 'checkbox', id: publicResponseId, name: 'publicResponse', value: 'true' }),
    h('label', { for: publicResponseId }, 'Perlu tanggapan publik (bersama Humas)'),
  );
  kind.addEventListener('change', () => {
    hoaxOnly.hidden = kind.value !== 'hoax';
    actionOnly.hidden = kind.value !== 'illegal' && kind.value !== 'criminal';
    targets.hidden = publicResponse.hidden = kind.value === 'no_violation' || kind.value === '';
    // Hoaxes get a public response unless unticked; takedowns only when asked.
    publicResponse.querySelector('input').checked = kind.value === 'hoax';
  });
  return [
    field('Putusan', kind),
    hoaxOnly,
    actionOnly,
    field('Alasan', textarea('reasons', { rows: 3 }), 'Satu alasan per baris (sumber, hasil cek fakta).'),
    targets,
    publicResponse,
  ];
}

function verdictPayload(data, ctx) {
  const kind = textValue(data, 'kind');
  const verdict = { kind, reasons: lines(data.get('reasons')) };
  if (kind === 'hoax') verdict.label = textValue(data, 'label');
  if (kind === 'illegal' || kind === 'criminal') verdict.category = textValue(data, 'category');
  if (kind !== 'no_violation') {
    verdict.takedown = parseTargets(data.get('takedown'), ctx.vocabulary.platforms);
    verdict.publicResponse = data.get('publicResponse') === 'true';
  }
  return { verdict };
}

function draftFields(ctx, action, state) {
  const { vocabulary } = ctx;
  const previous = state.tracks[action.kind] && state.tracks[action.kind].draft;
  const title = h('input', {
    name: 'title',
    type: 'text',
    required: true,
    maxlength: 300,
    value: previous ? previous.title : '',
  });
  const body = textarea('body', { rows: 6 });
  if (previous) body.value = previous.body;
  return [
    field('Judul', title),
    field('Isi', body, 'Sertakan ajakan "Saring Sebelum Sharing".'),
    field(
      'Pilar literasi digital',
      select(
        'pillar',
        vocabulary.pillars.map((p) => [p, PILLAR_LABELS[p] || p]),
        { required: true, value: previous && previous.pillar, emptyLabel: 'Pilih pilar' },
      ),
    ),
    checkboxGroup(
      'Kanal publikasi',
      'channels',
      vocabulary.channels.map((c) => [c, CHANNEL_LABELS[c] || c]),
      previous ? previous.channels : ['website'],
    ),
    action.kind === 'clarification'
      ? field(
          'Label (opsional)',
          select(
            'label',
            vocabulary.hoaxLabels.map((l) => [l, `[${l}]`]),
            { emptyLabel: 'Ikuti label putusan' },
          ),
        )
      : null,
  ];
}

function draftPayload(data, action) {
  const payload = {
    kind: action.kind,
    title: textValue(data, 'title'),
    body: textValue(data, 'body'),
    pillar: textValue(data, 'pillar'),
    channels: data.getAll('channels').map(String),
  };
  const label = textValue(data, 'label');
  if (label) payload.label = label;
  return payload;
}

function draftPreview(state, kind) {
  const draft = state.tracks[kind] && state.tracks[kind].draft;
  if (!draft) return null;
  return h(
    'blockquote',
    { class: 'draft-preview' },
    h('p', { class: 'draft-title' }, draft.label ? `[${draft.label}] ` : '', draft.title),
    h('p', {}, draft.body),
    h(
      'p',
      { class: 'muted' },
      `Revisi ${draft.revision} oleh ${draft.by.officerId} · ${PILLAR_LABELS[draft.pillar] || draft.pillar} · ${draft.channels.join(', ')}`,
    ),
  );
}

/** What each step's form holds and sends. `fields` returns the controls; `payload` the body. */
const STEPS = {
  assignVerifier: {
    fields: (ctx, action) =>
      action.mode === 'claim'
        ? [h('p', {}, 'Ambil kasus ini untuk Anda verifikasi.')]
        : [
            field(
              'Id verifikator',
              h('input', {
                name: 'assignee',
                type: 'text',
                required: true,
                value: ctx.me.officerId,
                spellcheck: 'false',
              }),
              'Supervisor dapat menugaskan siapa pun, termasuk mengalihkan.',
            ),
          ],
    payload: (data, ctx, action) => ({
      assignee: action.mode === 'claim' ? ctx.me.officerId : textValue(data, 'assignee'),
    }),
    submitLabel: (action) => (action.mode === 'claim' ? 'Ambil kasus ini' : 'Tugaskan'),
  },
  submitVerdict: {
    fields: (ctx) => verdictFields(ctx),
    payload: (data, ctx) => verdictPayload(data, ctx),
    submitLabel: () => 'Kirim putusan',
  },
  draftStatement: {
    fields: (ctx, action, state) => draftFields(ctx, action, state),
    payload: (data, ctx, action) => draftPayload(data, action),
    submitLabel: (action) => `Simpan draf ${STATEMENT_LABELS[action.kind]}`,
  },
  approveStatement: {
    fields: (ctx, action, state) => [draftPreview(state, action.kind)],
    payload: (data, ctx, action) => ({ kind: action.kind, revision: action.revision }),
    submitLabel: (action) => `Setujui revisi ${action.revision}`,
  },
  rejectStatement: {
    fields: () => [field('Alasan dikembalikan', textarea('reason'))],
    payload: (data, ctx, action) => ({
      kind: action.kind,
      revision: action.revision,
      reason: textValue(data, 'reason'),
    }),
    submitLabel: (action) => `Kembalikan revisi ${action.revision}`,
  },
  acknowledgePolice: {
    fields: () => [h('p', {}, 'Polda telah menerima paket bukti.')],
    payload: () => ({}),
    submitLabel: () => 'Konfirmasi diterima',
  },
  recordPoliceReport: {
    fields: () => [
      field(
        'Nomor LP',
        h('input', {
          name: 'reportNumber',
          type: 'text',
          required: true,
          placeholder: 'LP/B/123/XI/2025/SPKT/POLDA KALSEL',
        }),
      ),
    ],
    payload: (data) => ({ reportNumber: textValue(data, 'reportNumber') }),
    submitLabel: () => 'Simpan nomor LP',
  },
  recordPoliceFollowUp: {
    fields: () => [field('Catatan tindak lanjut', textarea('note'))],
    payload: (data) => ({ note: textValue(data, 'note') }),
    submitLabel: () => 'Simpan',
  },
  resolveObjection: {
    fields: () => [
      field(
        'Keputusan',
        select(
          'decision',
          [
            ['reject', 'Tolak sanggahan (lanjutkan eskalasi)'],
            ['uphold', 'Terima sanggahan (hentikan takedown)'],
          ],
          { required: true },
        ),
      ),
      field('Alasan', textarea('reason')),
    ],
    payload: (data, ctx, action) => ({
      takedownKey: action.takedownKey,
      decision: textValue(data, 'decision'),
      reason: textValue(data, 'reason'),
    }),
    submitLabel: () => 'Putuskan',
  },
  requestWithdrawal: {
    fields: () => [
      field('Alasan penarikan', textarea('reason'), 'Minimal 10 karakter; supervisor lain harus menyetujui.'),
    ],
    payload: (data) => ({ reason: textValue(data, 'reason') }),
    submitLabel: () => 'Ajukan penarikan',
  },
  approveWithdrawal: {
    fields: (ctx, action, state) => [
      h('p', {}, `Alasan: ${state.withdrawal ? state.withdrawal.reason : ''}`),
    ],
    payload: () => ({}),
    submitLabel: () => 'Setujui penarikan',
  },
  reuseClarification: {
    fields: (ctx, action, state) => {
      const link = state.claimLink;
      const clarification = link && link.clarification;
      if (!clarification) return [];
      return [
        h(
          'p',
          {},
          `Kasus ini mengulang klaim ${link.caseId} (kemiripan ${link.similarity.toFixed(2)}). Klarifikasinya dipakai apa adanya, tanpa verifikasi dan draf baru; kasus ini lalu ditutup sebagai hoaks yang sudah diklarifikasi.`,
        ),
        h('p', {}, h('strong', {}, `[${clarification.label}] ${clarification.title}`)),
        h('blockquote', {}, clarification.text),
        h(
          'ul',
          {},
          clarification.publications.map((publication) =>
            h('li', {}, `${CHANNEL_LABELS[publication.channel] || publication.channel}: `, publication.url),
          ),
        ),
      ];
    },
    payload: (data, ctx, action, state) => ({ fromCaseId: state.claimLink.caseId }),
    submitLabel: () => 'Pakai ulang klarifikasi',
  },
  closeMonitoring: {
    fields: () => [field('Alasan', textarea('reason'))],
    payload: (data) => ({ reason: textValue(data, 'reason') }),
    submitLabel: () => 'Akhiri pemantauan',
  },
  addNote: {
    fields: () => [field('Catatan', textarea('text'))],
    payload: (data) => ({ text: textValue(data, 'text') }),
    submitLabel: () => 'Simpan catatan',
  },
};

function formTitle(action) {
  const base = STEP_TITLES[action.name] || action.name;
  if (action.kind) return `${base}: ${STATEMENT_LABELS[action.kind]}`;
  if (action.takedownKey) return `${base} (${action.takedownKey})`;
  return base;
}

/**
 * A form for one available step. onDone(newState | undefined) runs after success (notes answer
 * without a state: the timeline shows them a moment later).
 */
export function actionForm(ctx, caseId, state, action, onDone) {
  const step = STEPS[action.name];
  if (!step) return null;
  const titleId = uid('step');
  const error = h('p', { class: 'form-error', role: 'alert' });
  const button = h('button', { type: 'submit' }, step.submitLabel(action));
  const form = h(
    'form',
    {
      class: `step step-${action.name}`,
      'aria-labelledby': titleId,
      'data-step': action.name,
      novalidate: true,
    },
    h('h3', { id: titleId }, formTitle(action)),
    step.fields(ctx, action, state),
    h('div', { class: 'step-submit' }, button),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    let payload;
    try {
      payload = step.payload(new FormData(form), ctx, action, state);
    } catch (failure) {
      error.textContent = failure.message;
      return;
    }
    button.disabled = true;
    try {
      const path =
        action.name === 'addNote'
          ? apiPath`/api/cases/${caseId}/notes`
          : apiPath`/api/cases/${caseId}/actions/${action.name}`;
      const answer = await post(path, payload);
      await onDone(action.name === 'addNote' ? undefined : answer);
    } catch (failure) {
      error.textContent = failure.message;
      button.disabled = false;
    }
  });
  return form;
}
