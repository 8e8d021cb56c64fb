import type { CaseActivities } from './contract';
import { classify } from './classifier/classify';
import { classifyWithModel } from './classifier/classify-with-model';
import type { CurrentModel } from './classifier/registry/current-model';
import { parseInput } from './input';
import { ClassifyInput } from './input-schemas';

/** The modelVersion of a classification made by the rules alone (no model promoted yet). */
export const RULES_ONLY = 'rules-only';

/** Rules and the promoted model when there is one (its version goes into the classification); rules alone otherwise. */
export function classificationActivities(
  currentModel?: CurrentModel,
): Pick<CaseActivities, 'classifyContent'> {
  return {
    async classifyContent(input) {
      const { text, url } = parseInput('classifyContent', ClassifyInput, input);
      const model = await currentModel?.get();
      if (model) return classifyWithModel(model, { text, url });
      // The case records which classifier decided: a model version, or the rules alone.
      return { ...classify({ text, url }), modelVersion: RULES_ONLY };
    },
  };
}
