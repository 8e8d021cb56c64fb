import { classify as classifyByRules } from '../classify';
import { classifyWithModel, type DecisionOptions } from '../classify-with-model';
import type { TextModel } from '../model/text-model';
import type { DatasetItem, Label } from './dataset-schema';
import { metricsOf, type Metrics, type Prediction } from './metrics';

export function predictionsOf(
  items: readonly DatasetItem[],
  classifier: (input: { text: string; url?: string }) => { category?: Label; confidence: number },
): Prediction[] {
  return items.map((item) => {
    const result = classifier({ text: item.text, ...(item.url ? { url: item.url } : {}) });
    return {
      id: item.id,
      label: item.label,
      predicted: result.category ?? 'none',
      confidence: result.confidence,
      tags: item.tags,
    };
  });
}

export function evaluateModel(
  model: TextModel,
  items: readonly DatasetItem[],
  decision: DecisionOptions = {},
): Metrics {
  return metricsOf(predictionsOf(items, (input) => classifyWithModel(model, input, decision)));
}

export function evaluateRules(items: readonly DatasetItem[]): Metrics {
  return metricsOf(predictionsOf(items, (input) => classifyByRules(input)));
}
