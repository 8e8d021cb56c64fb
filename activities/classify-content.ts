import type { CaseActivities } from './contract';
import { classify } from './classifier/classify';
import { classifyWithModel } from './classifier/classify-with-model';
import type { CurrentModel } from './classifier/registry/current-model';
import { parseInput } from './input';
import { ClassifyInput } from './input-schemas';

/** Rules and the promoted model when there is one (its version goes into the classification); rules alone otherwise. */
export function classificationActivities(
  currentModel?: CurrentModel,
): Pick<CaseActivities, 'classifyContent'> {
  return {
    async classifyContent(input) {
      const { text, url } = parseInput('classifyContent', ClassifyInput, input);
      const model = await currentModel?.get();
      return model ? classifyWithModel(model, { text, url }) : classify({ text, url });
    },
  };
}
