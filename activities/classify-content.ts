import type { CaseActivities } from './contract';
import { classify } from './classifier/classify';
import { parseInput } from './input';
import { ClassifyInput } from './input-schemas';

export function classificationActivities(): Pick<CaseActivities, 'classifyContent'> {
  return {
    async classifyContent(input) {
      const { text, url } = parseInput('classifyContent', ClassifyInput, input);
      return classify({ text, url });
    },
  };
}
