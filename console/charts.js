// Small SVG charts drawn by our own code (no library, no CDN). Every chart is an <svg role="img"> with
// a title for screen readers and its numbers written next to the bars, so it reads without colour.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = String(text);
  return element;
}

/**
 * Horizontal bars: rows [{ label, value, text? }], longest bar = the largest value (or `max`).
 * `text` is what is written after the bar (the value by default, e.g. "80%").
 */
export function barChart(title, rows, options = {}) {
  const labelWidth = options.labelWidth ?? 190;
  const barWidth = options.barWidth ?? 320;
  const rowHeight = 26;
  const height = Math.max(1, rows.length) * rowHeight + 8;
  const max = options.max ?? Math.max(1, ...rows.map((row) => row.value));
  const chart = svg('svg', {
    class: 'chart',
    role: 'img',
    width: labelWidth + barWidth + 70,
    height,
    viewBox: `0 0 ${labelWidth + barWidth + 70} ${height}`,
    'aria-label': `${title}: ${rows.map((row) => `${row.label} ${row.text ?? row.value}`).join(', ') || 'tidak ada data'}`,
  });
  chart.append(svg('title', {}, title));
  if (rows.length === 0) {
    chart.append(svg('text', { x: 0, y: 18, class: 'chart-empty' }, 'Tidak ada data pada periode ini'));
    return chart;
  }
  rows.forEach((row, index) => {
    const y = index * rowHeight + 4;
    const width = Math.round((row.value / max) * barWidth);
    const group = svg('g', { class: 'chart-row', 'data-label': row.label, 'data-value': row.value });
    group.append(
      svg('text', { x: labelWidth - 8, y: y + 15, 'text-anchor': 'end', class: 'chart-label' }, row.label),
      svg('rect', {
        x: labelWidth,
        y,
        width: Math.max(width, row.value > 0 ? 2 : 0),
        height: 18,
        rx: 3,
        class: options.tone ? `chart-bar chart-bar-${options.tone}` : 'chart-bar',
      }),
      svg('text', { x: labelWidth + width + 6, y: y + 15, class: 'chart-value' }, row.text ?? row.value),
    );
    chart.append(group);
  });
  return chart;
}
