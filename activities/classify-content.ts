import { z } from 'zod';
import type { CaseActivities } from './contract';
import { classify } from './classifier/classify';
import { parseInput } from './input';

export const ClassifyInput = z
  .object({ caseId: z.string().min(1), text: z.string().max(20_000).optional(), url: z.string().max(4_096).optional() })
  .refine((input) => input.text !== undefined || input.url !== undefined, 'classifyContent needs text or a url');

export function classificationActivities(): Pick<CaseActivities, 'classifyContent'> {
  return {
    async classifyContent(input) {
      const { text, url } = parseInput('classifyContent', ClassifyInput, input);
      return classify({ text, url });
    },
  };
}
