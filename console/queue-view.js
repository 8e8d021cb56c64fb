// The case queue: filters, then one row per case from its search attributes (breached and urgent first).

import { get, post } from './api.js';
import { countdown, field, h, select, timeElement } from './dom.js';
import { PRIORITY_LABELS, STAGE_LABELS, categoryLabel, regionLabel } from './labels.js';

// Filters survive moving between the queue and a case (not a reload).
const filters = { open: 'true' };

function filterForm(ctx, onChange) {
  const { vocabulary } = ctx;
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Saring antrean' },
    field(
      'Tahap',
      select(
        'status',
        vocabulary.stages.map((stage) => [stage, STAGE_LABELS[stage] || stage]),
        { value: filters.status, emptyLabel: 'Semua tahap' },
      ),
    ),
    field(
      'Prioritas',
      select(
        'priority',
        vocabulary.priorities.map((p) => [p, PRIORITY_LABELS[p] || p]),
        { value: filters.priority, emptyLabel: 'Semua' },
      ),
    ),
    field(
      'Kategori',
      select(
        'category',
        [
          ...vocabulary.categories.map((c) => [c, categoryLabel(vocabulary, c)]),
          ['uncategorized', 'Belum dikategorikan'],
        ],
        {
          value: filters.category,
          emptyLabel: 'Semua kategori',
        },
      ),
    ),
    field(
      'Wilayah',
      select(
        'region',
        vocabulary.regions.map((r) => [r, regionLabel(r)]),
        { value: filters.region, emptyLabel: 'Semua wilayah' },
      ),
    ),
    field(
      'Petugas',
      h('input', {
        name: 'assignee',
        type: 'text',
        value: filters.assignee || '',
        placeholder: 'id petugas atau none',
        autocomplete: 'off',
        spellcheck: 'false',
      }),
    ),
    field(
      'Status kasus',
      select(
        'open',
        [
          ['true', 'Masih berjalan'],
          ['false', 'Sudah selesai'],
        ],
        { value: filters.open, emptyLabel: 'Semua' },
      ),
    ),
    h(
      'div',
      { class: 'field checkbox' },
      h('input', {
        type: 'checkbox',
        id: 'filter-breached',
        name: 'breached',
        value: 'true',
        checked: filters.breached === 'true',
      }),
      h('label', { for: 'filter-breached' }, 'Hanya SLA terlewat'),
    ),
    h(
      'div',
      { class: 'field actions' },
      h('button', { type: 'submit' }, 'Terapkan'),
      h('button', { type: 'reset', class: 'button-quiet' }, 'Atur ulang'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    for (const key of ['status', 'priority', 'category', 'region', 'assignee', 'open', 'breached']) {
      const value = String(data.get(key) || '').trim();
      if (value) filters[key] = value;
      else delete filters[key];
    }
    onChange();
  });
  form.addEventListener('reset', () => {
    for (const key of Object.keys(filters)) delete filters[key];
    filters.open = 'true';
    setTimeout(onChange, 0);
  });
  return form;
}

function priorityBadge(priority) {
  return h(
    'span',
    { class: `badge priority-${priority || 'normal'}` },
    PRIORITY_LABELS[priority] || priority || '–',
  );
}

function slaCell(row) {
  return h(
    'td',
    { class: 'sla' },
    row.slaBreached ? h('span', { class: 'badge breached' }, 'SLA terlewat') : null,
    row.nextDeadline ? countdown(row.nextDeadline) : row.slaBreached ? null : '–',
  );
}

function caseTable(ctx, rows) {
  if (rows.length === 0) return h('p', { class: 'empty' }, 'Tidak ada kasus yang cocok dengan saringan ini.');
  return h(
    'table',
    { class: 'queue' },
    h('caption', {}, `${rows.length} kasus, yang SLA-nya terlewat dan paling mendesak di atas`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [
          'Kasus',
          'Tahap',
          'Prioritas',
          'Kategori',
          'Wilayah',
          'Petugas',
          'Tenggat SLA',
          'Deteksi',
          'Dibuka',
        ].map((title) => h('th', { scope: 'col' }, title)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          { class: row.slaBreached ? 'row-breached' : '' },
          h(
            'th',
            { scope: 'row' },
            h('a', { href: `#/cases/${encodeURIComponent(row.caseId)}`, class: 'case-link' }, row.caseId),
          ),
          h('td', {}, STAGE_LABELS[row.status] || row.status || row.executionStatus),
          h('td', {}, priorityBadge(row.priority)),
          h('td', {}, categoryLabel(ctx.vocabulary, row.category)),
          h('td', {}, regionLabel(row.region)),
          h('td', {}, row.assignee || h('span', { class: 'muted' }, 'belum ada')),
          slaCell(row),
          h('td', { class: 'number' }, String(row.detectionCount)),
          h('td', {}, timeElement(row.openedAt)),
        ),
      ),
    ),
  );
}

function detectionForm(ctx, onDone) {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const form = h(
    'form',
    { class: 'stacked' },
    field('URL konten', h('input', { name: 'url', type: 'url', required: true, placeholder: 'https://...' })),
    field('Teks (opsional)', h('textarea', { name: 'text', rows: 2 })),
    field(
      'Wilayah',
      select(
        'region',
        ctx.vocabulary.regions.map((r) => [r, regionLabel(r)]),
        { value: 'unknown' },
      ),
    ),
    field('Alasan (opsional)', h('input', { name: 'reason', type: 'text' })),
    h('button', { type: 'submit' }, 'Kirim laporan'),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const data = new FormData(form);
    const body = { url: String(data.get('url')).trim(), region: String(data.get('region')) };
    for (const key of ['text', 'reason']) {
      const value = String(data.get(key) || '').trim();
      if (value) body[key] = value;
    }
    try {
      const { caseId } = await post('/api/detections', body);
      form.reset();
      onDone(caseId);
    } catch (failure) {
      error.textContent = failure.message;
    }
  });
  return h('details', { class: 'panel' }, h('summary', {}, 'Laporkan konten baru'), form);
}

export async function renderQueue(container, ctx) {
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  // Loads can overlap (first render, a filter change, the refresh timer): only the newest one may paint,
  // or a slow unfiltered answer could replace a filtered one.
  let latest = 0;
  const load = async () => {
    const mine = ++latest;
    error.textContent = '';
    try {
      const query = new URLSearchParams(filters).toString();
      const answer = await get(`/api/cases?${query}`);
      if (mine === latest) results.replaceChildren(caseTable(ctx, answer.cases));
    } catch (failure) {
      if (mine === latest) error.textContent = failure.message;
    }
  };
  container.replaceChildren(
    h(
      'div',
      { class: 'view-head' },
      h('h1', { tabindex: '-1' }, 'Antrean kasus'),
      h('button', { type: 'button', class: 'button-quiet', onclick: load }, 'Muat ulang'),
    ),
    filterForm(ctx, load),
    ctx.me.can.submitDetections
      ? detectionForm(ctx, (caseId) => (location.hash = `#/cases/${caseId}`))
      : null,
    error,
    results,
  );
  await load();
  return { refresh: load };
}
