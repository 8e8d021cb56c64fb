import { seededRandom } from '../../../lib/seeded-random';
import { FEATURE_BUCKETS, type SparseVector } from './features';

export interface TrainingExample {
  features: SparseVector;
  label: number;
  /** Scales this example's gradient (class weights); 1 when absent. */
  weight?: number;
}

export interface TrainingOptions {
  classes: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

/** Weights laid out class-major: weights[c * FEATURE_BUCKETS + f]. */
export type Weights = Float32Array;

export function logits(weights: Weights, classes: number, features: SparseVector): number[] {
  const out = new Array<number>(classes).fill(0);
  const { indices, values } = features;
  for (let c = 0; c < classes; c++) {
    const offset = c * FEATURE_BUCKETS;
    let sum = 0;
    for (let i = 0; i < indices.length; i++) sum += weights[offset + indices[i]!]! * values[i]!;
    out[c] = sum;
  }
  return out;
}

export function softmax(scores: readonly number[], temperature = 1): number[] {
  const scaled = scores.map((s) => s / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * Multinomial logistic regression by AdaGrad SGD with L2, in a seeded order: the same data and options
 * give the same weights bit for bit, so a retrained model is reproducible from its training set.
 */
export function train(examples: readonly TrainingExample[], options: TrainingOptions): Weights {
  const { classes } = options;
  const weights = new Float32Array(classes * FEATURE_BUCKETS);
  const squared = new Float32Array(classes * FEATURE_BUCKETS);
  const random = seededRandom(options.seed);
  const order = examples.map((_, index) => index);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const example = examples[index]!;
      const probabilities = softmax(logits(weights, classes, example.features));
      for (let c = 0; c < classes; c++) {
        const error = (probabilities[c]! - (c === example.label ? 1 : 0)) * (example.weight ?? 1);
        const { indices, values } = example.features;
        for (let i = 0; i < indices.length; i++) {
          const at = c * FEATURE_BUCKETS + indices[i]!;
          const gradient = error * values[i]! + options.l2 * weights[at]!;
          squared[at]! += gradient * gradient;
          weights[at]! -= (options.learningRate * gradient) / Math.sqrt(squared[at]! + 1e-8);
        }
      }
    }
  }
  return weights;
}
