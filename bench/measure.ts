export interface Measurement {
  name: string;
  items: number;
  msPerItem: number;
  itemsPerSecond: number;
  heapDeltaMb: number;
}

/**
 * Runs `fn` (which processes `items` items) until at least 1 s has passed, after two warm-up rounds,
 * and reports the per-item time. Figures are for comparing rows of one run, not absolute promises.
 */
export function measure(name: string, items: number, fn: () => void): Measurement {
  fn();
  fn();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let rounds = 0;
  const started = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < 1000) {
    fn();
    rounds += 1;
    elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  }
  const heapDeltaMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const msPerItem = elapsedMs / (rounds * items);
  return { name, items: rounds * items, msPerItem, itemsPerSecond: 1000 / msPerItem, heapDeltaMb };
}

export function printTable(rows: Measurement[]): void {
  const header = ['benchmark', 'items', 'µs/item', 'items/s', 'heap Δ MB'];
  const lines = rows.map((r) => [
    r.name,
    String(r.items),
    (r.msPerItem * 1000).toFixed(1),
    Math.round(r.itemsPerSecond).toLocaleString('en'),
    r.heapDeltaMb.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  lines.forEach((l) => console.log(format(l)));
}
