import { LABELS, type Label } from './dataset-schema';
import { expectedCalibrationError, type CalibrationBin } from '../model/calibration';

export interface Prediction {
  id: string;
  label: Label;
  predicted: Label;
  confidence: number;
  tags: readonly string[];
}

export interface LabelScore {
  label: Label;
  support: number;
  predicted: number;
  precision: number;
  recall: number;
}

export interface Metrics {
  items: number;
  accuracy: number;
  perLabel: LabelScore[];
  /** confusion[actual][predicted], both in LABELS order. */
  confusion: number[][];
  ece: number;
  bins: CalibrationBin[];
  falseCsamOnHardNegatives: number;
  hardNegatives: number;
}

export function metricsOf(predictions: readonly Prediction[]): Metrics {
  const index = (label: Label) => LABELS.indexOf(label);
  const confusion = LABELS.map(() => LABELS.map(() => 0));
  for (const p of predictions) confusion[index(p.label)]![index(p.predicted)]!++;
  const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);
  const perLabel = LABELS.map((label, i) => {
    const support = confusion[i]!.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((sum, row) => sum + row[i]!, 0);
    return {
      label,
      support,
      predicted,
      precision: ratio(confusion[i]![i]!, predicted),
      recall: ratio(confusion[i]![i]!, support),
    };
  });
  const correct = predictions.filter((p) => p.label === p.predicted).length;
  const hard = predictions.filter((p) => p.tags.includes('hard_negative'));
  const { ece, bins } = expectedCalibrationError(
    predictions.map((p) => ({ confidence: p.confidence, correct: p.label === p.predicted })),
  );
  return {
    items: predictions.length,
    accuracy: ratio(correct, predictions.length),
    perLabel,
    confusion,
    ece,
    bins,
    falseCsamOnHardNegatives: hard.filter((p) => p.predicted === 'child_sexual_abuse').length,
    hardNegatives: hard.length,
  };
}

/** The lowest per-category precision (labels never predicted count as not measured, not as 1.0). */
export function worstCategoryPrecision(metrics: Metrics): number {
  const measured = metrics.perLabel.filter((s) => s.label !== 'none' && !Number.isNaN(s.precision));
  return Math.min(...measured.map((s) => s.precision));
}

/** One label's score (every label is scored, even with no items). */
export function scoreOf(metrics: Metrics, label: Label): LabelScore {
  const score = metrics.perLabel.find((candidate) => candidate.label === label);
  if (!score) throw new Error(`no score for label ${label}`);
  return score;
}
