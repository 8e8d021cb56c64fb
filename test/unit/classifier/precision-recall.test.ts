import fs from 'node:fs';
import path from 'node:path';
import { CATEGORIES } from '../../../domain/categories';
import { evaluate, markdownTable, splitOf, type LabelledItem } from '../../../activities/classifier/evaluate';
import { loadLabelledSet } from './labelled-set';

/**
 * Precision and recall of the rule-based classifier on the shipped labelled set, per category, on the
 * whole set and on its fixed dev / held-out split (rules were tuned on dev only). Set
 * WRITE_CLASSIFIER_DOC=1 to write the tables into docs/classifier.md.
 */
describe('classifier on the labelled set', () => {
  const items = loadLabelledSet();
  const all = evaluate(items);
  const dev = evaluate(items.filter((item) => splitOf(item.id) === 'dev'));
  const heldOut = evaluate(items.filter((item) => splitOf(item.id) === 'held_out'));
  const table = markdownTable([
    { title: 'all', evaluation: all },
    { title: 'dev', evaluation: dev },
    { title: 'held-out', evaluation: heldOut },
  ]);

  beforeAll(() => {
    console.log(
      `Classifier precision / recall (${items.length} items)\n\n${table}\n\nMisclassified: ${all.errors.map((e) => `${e.id} (${e.label} → ${e.predicted})`).join(', ')}`,
    );
    if (process.env.WRITE_CLASSIFIER_DOC === '1') writeDoc(items, table, all.errors);
  });

  it('holds at least 300 items covering every category, none and hard negatives', () => {
    expect(items.length).toBeGreaterThanOrEqual(300);
    for (const label of [...CATEGORIES, 'none' as const])
      expect(items.filter((item) => item.label === label).length).toBeGreaterThanOrEqual(20);
    expect(items.filter((item) => item.tags?.includes('hard_negative')).length).toBeGreaterThanOrEqual(50);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });

  it.each(CATEGORIES)('%s reaches 0.9 precision on the shipped set', (category) => {
    const score = all.perLabel.find((entry) => entry.label === category)!;
    expect(score.predicted).toBeGreaterThan(0);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps most hard negatives out of every category', () => {
    const hard = items.filter((item) => item.tags?.includes('hard_negative'));
    const flagged = evaluate(hard).errors;
    expect(flagged.length / hard.length).toBeLessThanOrEqual(0.05);
  });
});

function writeDoc(
  items: LabelledItem[],
  table: string,
  errors: { id: string; label: string; predicted: string }[],
): void {
  const docPath = path.resolve(__dirname, '../../../docs/classifier.md');
  const current = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : '';
  const start = '<!-- classifier-table:start -->';
  const end = '<!-- classifier-table:end -->';
  const generated = [
    start,
    `Measured on ${items.length} items (${items.filter((i) => splitOf(i.id) === 'dev').length} dev, ${items.filter((i) => splitOf(i.id) === 'held_out').length} held-out) by \`test/unit/classifier/precision-recall.test.ts\`. \`n\` is the number of items with that label.`,
    '',
    table,
    '',
    `Misclassified (all splits): ${errors.map((e) => `\`${e.id}\` ${e.label} → ${e.predicted}`).join('; ')}.`,
    end,
  ].join('\n');
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*${end}`), generated)
    : `${current}\n${generated}\n`;
  fs.writeFileSync(docPath, next);
}
