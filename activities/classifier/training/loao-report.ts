import { LABELS, type Label } from './dataset-schema';
import { f3, shortLabel as short } from './figures';
import type { Metrics } from './metrics';

/** Per-label precision/recall as text rows (label, n, predicted, P, R). */
export function perLabelLines(metrics: Metrics): string[] {
  return metrics.perLabel.map(
    (score) =>
      `  ${short(score.label).padEnd(16)} n ${String(score.support).padStart(4)}  predicted ${String(score.predicted).padStart(4)}  P ${f3(score.precision)}  R ${f3(score.recall)}`,
  );
}

/**
 * Where a label's mistakes go: which actual labels it took in (false positives, its precision) and which
 * labels its own items went to (misses, its recall). Counts only, no item ids.
 */
export function confusionLines(metrics: Metrics, label: Label): string[] {
  const i = LABELS.indexOf(label);
  const takenFrom = LABELS.map((actual, a) => ({ actual, count: metrics.confusion[a]![i]! }))
    .filter(({ actual, count }) => actual !== label && count > 0)
    .map(({ actual, count }) => `${short(actual)} ${count}`);
  const lostTo = LABELS.map((predicted, p) => ({ predicted, count: metrics.confusion[i]![p]! }))
    .filter(({ predicted, count }) => predicted !== label && count > 0)
    .map(({ predicted, count }) => `${short(predicted)} ${count}`);
  return [
    `  predicted ${short(label)} but was: ${takenFrom.join(', ') || 'nothing'}`,
    `  ${short(label)} predicted as: ${lostTo.join(', ') || 'nothing'}`,
  ];
}

/** The whole per-author block: accuracy, per-label P/R, and the gambling, fraud and other illegal trade confusions. */
export function heldOutAuthorReport(title: string, metrics: Metrics): string {
  return [
    `${title}: ${metrics.items} items, accuracy ${f3(metrics.accuracy)}, false CSAM on hard negatives ${metrics.falseCsamOnHardNegatives}/${metrics.hardNegatives}`,
    ...perLabelLines(metrics),
    ...confusionLines(metrics, 'online_gambling'),
    ...confusionLines(metrics, 'fraud'),
    ...confusionLines(metrics, 'other_illegal'),
  ].join('\n');
}
