import type { PeakReport, TimePoint } from './peak-report';

const W = 900;
const H = 560;
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** One polyline of `points` scaled into the box. */
function line(
  points: [number, number][],
  box: { x: number; y: number; w: number; h: number },
  maxX: number,
  maxY: number,
  colour: string,
  dash = '',
): string {
  const path = points
    .map(
      ([x, y]) =>
        `${(box.x + (x / maxX) * box.w).toFixed(1)},${(box.y + box.h - (y / maxY) * box.h).toFixed(1)}`,
    )
    .join(' ');
  return `<polyline fill="none" stroke="${colour}" stroke-width="2" ${dash ? `stroke-dasharray="${dash}"` : ''} points="${path}"/>`;
}

function axes(
  box: { x: number; y: number; w: number; h: number },
  maxX: number,
  maxY: number,
  xLabel: string,
  yLabel: string,
): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return [
    `<rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" fill="none" stroke="#999"/>`,
    ...ticks.map(
      (t) =>
        `<text x="${box.x - 6}" y="${box.y + box.h - t * box.h + 4}" text-anchor="end" font-size="11">${Math.round(t * maxY)}</text>`,
    ),
    ...ticks.map(
      (t) =>
        `<text x="${box.x + t * box.w}" y="${box.y + box.h + 16}" text-anchor="middle" font-size="11">${Math.round(t * maxX)}</text>`,
    ),
    `<text x="${box.x + box.w / 2}" y="${box.y + box.h + 32}" text-anchor="middle" font-size="12">${escape(xLabel)}</text>`,
    `<text x="${box.x - 44}" y="${box.y + box.h / 2}" font-size="12" transform="rotate(-90 ${box.x - 44} ${box.y + box.h / 2})" text-anchor="middle">${escape(yLabel)}</text>`,
  ].join('\n');
}

const series = (points: TimePoint[], key: 'accepted' | 'throughIntake' | 'closed'): [number, number][] =>
  points.map((p) => [p.seconds, p[key]]);

/**
 * The run as an SVG: cases through intake and closed over time for Saring (solid) and the bare workflow
 * (dashed), and update latency percentiles side by side. Drawn by hand: no chart library for one picture.
 */
export function peakChartSvg(report: PeakReport): string {
  const top = { x: 70, y: 40, w: 800, h: 260 };
  const all = [...report.saring.series, ...report.bare.series];
  const maxX = Math.max(1, ...all.map((p) => p.seconds));
  const maxY = Math.max(1, ...all.map((p) => Math.max(p.accepted, p.throughIntake, p.closed)));
  const colours = { accepted: '#7b7b7b', throughIntake: '#1f77b4', closed: '#2ca02c' } as const;
  const lines = (['accepted', 'throughIntake', 'closed'] as const).flatMap((key) => [
    line(series(report.saring.series, key), top, maxX, maxY, colours[key]),
    line(series(report.bare.series, key), top, maxX, maxY, colours[key], '6 4'),
  ]);
  const legend = [
    ['detections accepted', colours.accepted],
    ['cases through intake', colours.throughIntake],
    ['cases closed', colours.closed],
  ]
    .map(
      ([label, colour], i) =>
        `<rect x="${top.x + 10 + i * 190}" y="${top.y + 8}" width="14" height="4" fill="${colour}"/><text x="${top.x + 30 + i * 190}" y="${top.y + 14}" font-size="12">${label}</text>`,
    )
    .join('\n');

  const bottom = { x: 70, y: 380, w: 800, h: 130 };
  const bars: string[] = [];
  const rows = report.updates.flatMap((row) =>
    (['p50', 'p95', 'p99'] as const).map((q) => ({
      label: `${q} @${row.concurrency}${row.across ? `/${row.across}` : ''}`,
      saring: row.saring[q],
      bare: row.bare[q],
    })),
  );
  const maxMs = Math.max(1, ...rows.flatMap((r) => [r.saring, r.bare]));
  const slot = bottom.w / Math.max(1, rows.length);
  rows.forEach((row, i) => {
    const x = bottom.x + i * slot + slot * 0.15;
    const bar = (value: number, dx: number, colour: string) => {
      const h = (value / maxMs) * bottom.h;
      return `<rect x="${(x + dx).toFixed(1)}" y="${(bottom.y + bottom.h - h).toFixed(1)}" width="${(slot * 0.33).toFixed(1)}" height="${h.toFixed(1)}" fill="${colour}"/>`;
    };
    bars.push(bar(row.saring, 0, '#d62728'), bar(row.bare, slot * 0.36, '#ff9896'));
    bars.push(
      `<text x="${(x + slot * 0.35).toFixed(1)}" y="${bottom.y + bottom.h + 16}" text-anchor="middle" font-size="11">${row.label}</text>`,
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${top.x}" y="24" font-size="15">Peak day, ${report.detections} detections: Saring (solid) and the bare workflow (dashed), ${escape(report.startedAt)}</text>`,
    axes(top, maxX, maxY, 'seconds since the first detection', 'count'),
    ...lines,
    legend,
    `<text x="${bottom.x}" y="${bottom.y - 14}" font-size="13">Officer update round trip, ms (Saring through the API: dark; bare through the client: light); max ${maxMs.toFixed(0)} ms</text>`,
    `<rect x="${bottom.x}" y="${bottom.y}" width="${bottom.w}" height="${bottom.h}" fill="none" stroke="#999"/>`,
    ...bars,
    '</svg>',
    '',
  ].join('\n');
}
