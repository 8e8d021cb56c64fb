import { CATEGORIES, type Category } from '../../domain/categories';
import { classify } from './classify';

export type Label = Category | 'none';

export interface LabelledItem {
  id: string;
  label: Label;
  text: string;
  url?: string;
  lang?: string;
  tags?: string[];
}

export interface CategoryScore {
  label: Label;
  support: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  items: number;
  accuracy: number;
  perLabel: CategoryScore[];
  errors: { id: string; label: Label; predicted: Label; rules: string[] }[];
}

/**
 * Fixed split of the labelled set: a third held out (by a hash of the id, so it never depends on file
 * order or on who looks at it), the rest for developing rules.
 */
export function splitOf(id: string): 'dev' | 'held_out' {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash % 3 === 0 ? 'held_out' : 'dev';
}

export function evaluate(items: readonly LabelledItem[]): Evaluation {
  const labels: Label[] = [...CATEGORIES, 'none'];
  const counts = new Map(labels.map((label) => [label, { support: 0, predicted: 0, truePositives: 0 }]));
  const errors: Evaluation['errors'] = [];
  for (const item of items) {
    const result = classify({ text: item.text, url: item.url });
    const predicted: Label = result.category ?? 'none';
    counts.get(item.label)!.support++;
    counts.get(predicted)!.predicted++;
    if (predicted === item.label) counts.get(predicted)!.truePositives++;
    else errors.push({ id: item.id, label: item.label, predicted, rules: result.rules });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    items: items.length,
    accuracy: ratio(items.length - errors.length, items.length),
    perLabel: labels.map((label) => {
      const c = counts.get(label)!;
      return {
        label,
        ...c,
        precision: ratio(c.truePositives, c.predicted),
        recall: ratio(c.truePositives, c.support),
      };
    }),
    errors,
  };
}

/** A Markdown table: one row per label, precision and recall per split side by side. */
export function markdownTable(columns: { title: string; evaluation: Evaluation }[]): string {
  const header = [
    'label',
    ...columns.flatMap(({ title }) => [`${title} n`, `${title} precision`, `${title} recall`]),
  ];
  const rows = columns[0]!.evaluation.perLabel.map((_, index) => [
    columns[0]!.evaluation.perLabel[index]!.label,
    ...columns.flatMap(({ evaluation }) => {
      const score = evaluation.perLabel[index]!;
      return [String(score.support), score.precision.toFixed(2), score.recall.toFixed(2)];
    }),
  ]);
  const accuracy = [
    '**accuracy**',
    ...columns.flatMap(({ evaluation }) => [String(evaluation.items), '', evaluation.accuracy.toFixed(2)]),
  ];
  return [header, header.map(() => '---'), ...rows, accuracy]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}
