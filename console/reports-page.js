// The "Laporan" page (#/reports): the unit's daily and monthly reports as charts, for supervisors and
// auditors. The reports are written by the scheduled report workflow; this page only reads them.

import { apiPath, get, getRaw } from './api.js';
import { barChart } from './charts.js';
import { h } from './dom.js';
import { categoryLabel, PILLAR_LABELS, regionLabel } from './labels.js';

const KIND_LABELS = { daily: 'Harian', monthly: 'Bulanan' };
const PLATFORM_LABELS = {
  meta: 'Meta (Facebook/Instagram)',
  x: 'X',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  telegram: 'Telegram',
  file_sharing: 'Berbagi berkas',
  website: 'Situs web',
  none: 'Tanpa platform',
};
const SOURCE_LABELS = {
  crawler: 'Mesin pengais (AIS)',
  officer: 'Petugas',
  public_complaint: 'Aduan masyarakat',
  partner: 'Mitra',
  unknown: 'Tidak diketahui',
};
const SLA_LABELS = {
  verification: 'Verifikasi',
  takedown_compliance: 'Kepatuhan takedown',
  objection_review: 'Tinjauan sanggahan',
  police_acknowledgment: 'Konfirmasi Polda',
  police_report: 'Laporan Polisi',
  clarification_publication: 'Terbit klarifikasi',
  response_publication: 'Terbit tanggapan publik',
};
const RESOLUTION_LABELS = {
  no_violation: 'Tidak melanggar',
  actioned: 'Ditindaklanjuti',
  withdrawn: 'Ditarik',
  unknown: 'Tidak diketahui',
};

const percent = (rate) => (rate === null ? '–' : `${Math.round(rate * 1000) / 10}%`);
const minutes = (value) => (value === null ? '–' : `${value} menit`);

function rowsOf(counts, label) {
  return Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([key, value]) => ({ label: label(key), value }));
}

function section(title, ...content) {
  return h('section', { class: 'report-section', 'aria-label': title }, h('h2', {}, title), ...content);
}

function renderReport(report, ctx) {
  const category = (key) => categoryLabel(ctx.vocabulary, key);
  const platform = (key) => PLATFORM_LABELS[key] || key;
  const dims = (counts) => [
    barChart('Per kategori', rowsOf(counts.byCategory, category)),
    barChart('Per platform', rowsOf(counts.byPlatform, platform)),
    barChart('Per wilayah', rowsOf(counts.byRegion, regionLabel)),
    barChart(
      'Per sumber',
      rowsOf(counts.bySource, (key) => SOURCE_LABELS[key] || key),
    ),
  ];
  const sla = Object.entries(report.slaCompliance).filter(([, value]) => value.met + value.breached > 0);
  const takedowns = Object.entries(report.takedownCompliance);
  return h(
    'div',
    { class: 'report' },
    h(
      'p',
      { class: 'report-meta' },
      `${KIND_LABELS[report.kind]} ${report.period} (WITA) · ${report.casesConsidered} kasus ditinjau · dibuat ${new Date(report.generatedAt).toLocaleString('id-ID')}`,
      report.complete ? '' : ' · SEMENTARA: periode belum berakhir',
    ),
    section(`Kasus dibuka: ${report.opened.total}`, ...dims(report.opened)),
    section(
      `Kasus ditutup: ${report.closed.total}`,
      barChart(
        'Per hasil',
        rowsOf(report.closed.byResolution, (key) => RESOLUTION_LABELS[key] || key),
      ),
      ...dims(report.closed),
    ),
    section(
      'Kepatuhan SLA per jenis tenggat',
      barChart(
        'Tepat waktu (%)',
        sla.map(([kind, value]) => ({
          label: SLA_LABELS[kind] || kind,
          value: value.rate ?? 0,
          text: `${percent(value.rate)} (${value.met} tepat, ${value.breached} terlewat)`,
        })),
        { max: 1, tone: 'good' },
      ),
    ),
    section(
      'Waktu penanganan',
      barChart(
        'Menit (p50 dan p90)',
        [
          ['Hingga putusan', report.timeToVerdict],
          ['Hingga konten diturunkan', report.timeToTakedown],
        ].flatMap(([label, value]) => [
          { label: `${label} p50`, value: value.p50Minutes ?? 0, text: minutes(value.p50Minutes) },
          {
            label: `${label} p90`,
            value: value.p90Minutes ?? 0,
            text: `${minutes(value.p90Minutes)} (n=${value.count})`,
          },
        ]),
      ),
    ),
    section(
      'Kepatuhan takedown per platform',
      barChart(
        'Dipatuhi tanpa eskalasi (%)',
        takedowns.map(([key, value]) => ({
          label: platform(key),
          value: value.rate ?? 0,
          text: `${percent(value.rate)} dari ${value.requested} permintaan`,
        })),
        { max: 1, tone: 'good' },
      ),
      barChart(
        'Tangga eskalasi (ST1 → ST2 → ST3)',
        takedowns.flatMap(([key, value]) =>
          ['ST1', 'ST2', 'ST3'].map((level) => ({
            label: `${platform(key)} ${level}`,
            value: value.ladder[level],
          })),
        ),
        { tone: 'warn' },
      ),
    ),
    section(
      'Klarifikasi terbit per pilar literasi digital',
      barChart(
        'Klarifikasi',
        Object.entries(report.clarificationsByPillar).map(([pillar, value]) => ({
          label: PILLAR_LABELS[pillar] || pillar,
          value,
        })),
        { labelWidth: 260 },
      ),
    ),
  );
}

async function downloadCsv(kind, period) {
  const { text } = await getRaw(apiPath`/api/reports/${kind}/${period}?format=csv`);
  const link = h('a', {
    href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })),
    download: `laporan-${kind}-${period}.csv`,
  });
  document.body.append(link);
  link.click();
  link.remove();
}

/** Renders the page into `view`; returns { refresh }. */
export async function renderReports(view, ctx) {
  const kindSelect = h(
    'select',
    { id: 'report-kind' },
    Object.entries(KIND_LABELS).map(([value, label]) => h('option', { value }, label)),
  );
  const periodSelect = h('select', { id: 'report-period' });
  const body = h('div', { class: 'report-body', 'aria-live': 'polite' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const csvButton = h('button', { type: 'button', class: 'button-quiet' }, 'Unduh CSV');

  const show = async () => {
    error.textContent = '';
    if (!periodSelect.value) {
      body.replaceChildren(
        h('p', {}, 'Belum ada laporan untuk jenis ini. Laporan dibuat otomatis setelah periode berakhir.'),
      );
      return;
    }
    try {
      const report = await get(apiPath`/api/reports/${kindSelect.value}/${periodSelect.value}`);
      body.replaceChildren(renderReport(report, ctx));
    } catch (failure) {
      body.replaceChildren();
      error.textContent = failure.message;
    }
  };
  const loadPeriods = async () => {
    const { periods } = await get(apiPath`/api/reports/${kindSelect.value}`);
    periodSelect.replaceChildren(...periods.map((period) => h('option', { value: period }, period)));
    await show();
  };
  kindSelect.addEventListener(
    'change',
    () => void loadPeriods().catch((failure) => (error.textContent = failure.message)),
  );
  periodSelect.addEventListener('change', () => void show());
  csvButton.addEventListener('click', () => {
    if (periodSelect.value)
      downloadCsv(kindSelect.value, periodSelect.value).catch(
        (failure) => (error.textContent = failure.message),
      );
  });

  view.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Laporan'),
    h(
      'div',
      { class: 'report-controls' },
      h('label', { for: 'report-kind' }, 'Jenis laporan'),
      kindSelect,
      h('label', { for: 'report-period' }, 'Periode'),
      periodSelect,
      csvButton,
    ),
    error,
    body,
  );
  await loadPeriods();
  return { refresh: async () => undefined };
}
