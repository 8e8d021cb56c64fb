import { classifyWithModel, type DecisionOptions } from '../classify-with-model';
import type { TextModel } from '../model/text-model';
import { trainModel, type TrainModelOptions } from '../model/train-model';
import type { DatasetItem } from './dataset-schema';
import { predictionsOf } from './evaluate-model';
import { metricsOf, scoreOf, worstCategoryPrecision, type Metrics, type Prediction } from './metrics';

/** What model selection may look at: every item except the test split, which is dropped on entry. */
export function developmentItems(dataset: readonly DatasetItem[]): DatasetItem[] {
  return dataset.filter((item) => item.split !== 'test');
}

export interface Figures {
  accuracy: number;
  lowestPrecision: number;
  hoaxRecall: number;
  falseCsam: number;
}

export function figuresOf(metrics: Metrics): Figures {
  return {
    accuracy: metrics.accuracy,
    lowestPrecision: worstCategoryPrecision(metrics),
    hoaxRecall: scoreOf(metrics, 'hoax').recall,
    falseCsam: metrics.falseCsamOnHardNegatives,
  };
}

export interface Variant {
  name: string;
  training?: TrainModelOptions;
  decision?: DecisionOptions;
  /** Drops these sources' train items (their calibration items stay, so every variant is scored alike). */
  withoutTrainFrom?: readonly string[];
  /** Drops train items with this tag (e.g. "wrapped"). */
  withoutTrainTag?: string;
}

/** Variants that differ only in their decision thresholds share one trained model per fold. */
const trained = new Map<string, TextModel>();

function modelFor(items: readonly DatasetItem[], variant: Variant, fold: string): TextModel {
  const key = JSON.stringify([
    fold,
    variant.training ?? {},
    variant.withoutTrainFrom ?? [],
    variant.withoutTrainTag ?? '',
  ]);
  let model = trained.get(key);
  if (!model) {
    const dropped = new Set(variant.withoutTrainFrom ?? []);
    model = trainModel(
      items.filter(
        (item) =>
          item.split !== 'train' ||
          (!dropped.has(item.source) &&
            !(variant.withoutTrainTag && item.tags.includes(variant.withoutTrainTag))),
      ),
      variant.training,
    );
    trained.set(key, model);
  }
  return model;
}

function predict(model: TextModel, items: readonly DatasetItem[], variant: Variant): Prediction[] {
  return predictionsOf(items, (input) => classifyWithModel(model, input, variant.decision));
}

/** Fit on train, temperature on calibration, scored on calibration: the split the docs quote. */
export function calibrationMetrics(items: readonly DatasetItem[], variant: Variant): Metrics {
  const model = modelFor(items, variant, 'all');
  return metricsOf(
    predict(
      model,
      items.filter((item) => item.split === 'calibration'),
      variant,
    ),
  );
}

/**
 * Leave one author out: fit and calibrate on the other authors, score on every item of the held-out one.
 * The test split differs from training by its author, so this is the closest development estimate of it.
 * Returns each held-out author's metrics and all their predictions pooled.
 */
export function crossAuthorMetrics(
  items: readonly DatasetItem[],
  variant: Variant,
): {
  perAuthor: { source: string; metrics: Metrics }[];
  pooled: Metrics;
  pooledWithout: (sources: readonly string[]) => Metrics;
} {
  const sources = [...new Set(items.map((item) => item.source))].sort();
  const all: Prediction[] = [];
  const sourceOf = new Map(items.map((item) => [item.id, item.source]));
  const perAuthor = sources.map((source) => {
    const model = modelFor(
      items.filter((item) => item.source !== source),
      variant,
      `without ${source}`,
    );
    const predictions = predict(
      model,
      // Wrapped copies are a training augmentation, not posts: scored items are the authors' own posts.
      items.filter((item) => item.source === source && !item.tags.includes('wrapped')),
      variant,
    );
    all.push(...predictions);
    return { source, metrics: metricsOf(predictions) };
  });
  return {
    perAuthor,
    pooled: metricsOf(all),
    // Pooled over the other held-out authors: compares a new author's effect on the folds that existed before it.
    pooledWithout: (left: readonly string[]) =>
      metricsOf(all.filter((prediction) => !left.includes(sourceOf.get(prediction.id) ?? ''))),
  };
}
