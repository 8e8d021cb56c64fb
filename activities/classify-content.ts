import type { CaseActivities } from './contract';
import { classifyWithModel } from './classifier/classify-with-model';
import { shippedModel } from './classifier/model/shipped-model';
import type { TextModel } from './classifier/model/text-model';
import type { CurrentModel } from './classifier/registry/current-model';
import { parseInput } from './input';
import { ClassifyInput } from './input-schemas';

/**
 * Rules and a learned model; the model's version goes into the classification. The model is the one the
 * weekly retraining promoted, or until then the model committed with the code (data/classifier/model.json).
 */
export function classificationActivities(
  currentModel?: CurrentModel,
  fallback: () => TextModel = shippedModel,
): Pick<CaseActivities, 'classifyContent'> {
  return {
    async classifyContent(input) {
      const { text, url } = parseInput('classifyContent', ClassifyInput, input);
      const model = (await currentModel?.get()) ?? fallback();
      return classifyWithModel(model, { text, url });
    },
  };
}
