import { z } from 'zod';
import { Category, Priority } from './categories';

/** What the classifier (rules and, when loaded, the learned model) says. It informs triage and priority; it never decides a verdict. */
export const Classification = z.object({
  /** undefined when no rule fired: the case goes to a verifier uncategorised. */
  category: Category.optional(),
  confidence: z.number().min(0).max(1),
  /** Rule ids that fired, e.g. "gambling.slot_gacor", for the verifier to see why. */
  rules: z.array(z.string()),
  /** Runner-up categories with their scores, highest first. */
  alternatives: z.array(z.object({ category: Category, confidence: z.number().min(0).max(1) })),
  suggestedPriority: Priority,
  /** The learned model that scored it (absent in classifications made by the rules alone). */
  modelVersion: z.string().optional(),
});
export type Classification = z.infer<typeof Classification>;
