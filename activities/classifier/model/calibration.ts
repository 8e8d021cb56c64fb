/**
 * Temperature scaling (the multiclass form of Platt scaling): one parameter T, fitted on the calibration
 * split by minimizing negative log-likelihood, divides the logits before the softmax. It changes the
 * confidence, never the ranking.
 */
import { softmax } from './logistic-regression';

export interface Scored {
  logits: number[];
  label: number;
}

function negativeLogLikelihood(items: readonly Scored[], temperature: number): number {
  let total = 0;
  for (const item of items)
    total -= Math.log(Math.max(1e-12, softmax(item.logits, temperature)[item.label]!));
  return total / items.length;
}

/** Golden-section search over log T in [-3, 3]: the NLL is unimodal in T for softmax outputs. */
export function fitTemperature(items: readonly Scored[]): number {
  let low = -3;
  let high = 3;
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = high - ratio * (high - low);
    const b = low + ratio * (high - low);
    if (negativeLogLikelihood(items, Math.exp(a)) < negativeLogLikelihood(items, Math.exp(b))) high = b;
    else low = a;
  }
  return Math.round(Math.exp((low + high) / 2) * 1e4) / 1e4;
}

export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  confidence: number;
  accuracy: number;
}

/** Expected calibration error over equal-width confidence bins, with the bins for a reliability table. */
export function expectedCalibrationError(
  predictions: readonly { confidence: number; correct: boolean }[],
  binCount = 10,
): { ece: number; bins: CalibrationBin[] } {
  const bins: CalibrationBin[] = [];
  let ece = 0;
  for (let b = 0; b < binCount; b++) {
    const from = b / binCount;
    const to = (b + 1) / binCount;
    const inBin = predictions.filter((p) => p.confidence > from && p.confidence <= to);
    if (inBin.length === 0) continue;
    const confidence = inBin.reduce((s, p) => s + p.confidence, 0) / inBin.length;
    const accuracy = inBin.filter((p) => p.correct).length / inBin.length;
    ece += (inBin.length / predictions.length) * Math.abs(confidence - accuracy);
    bins.push({ from, to, count: inBin.length, confidence, accuracy });
  }
  return { ece, bins };
}
