import { scoreOf, type Metrics } from './metrics';

export interface PromotionDecision {
  promote: boolean;
  reasons: string[];
}

/**
 * A candidate replaces the current model only if it is no worse on the fixed test split: accuracy not
 * lower, no more false child-sexual-abuse hits on hard negatives, and hoax recall not lower (Clarify
 * work is what a miss delays). With no current model, the candidate is promoted.
 */
export function decidePromotion(candidate: Metrics, current: Metrics | undefined): PromotionDecision {
  if (!current) return { promote: true, reasons: ['no current model'] };
  const hoaxRecall = (m: Metrics) => scoreOf(m, 'hoax').recall;
  const reasons: string[] = [];
  if (candidate.accuracy < current.accuracy)
    reasons.push(`accuracy ${candidate.accuracy.toFixed(3)} < current ${current.accuracy.toFixed(3)}`);
  if (candidate.falseCsamOnHardNegatives > current.falseCsamOnHardNegatives)
    reasons.push(
      `false CSAM hits ${candidate.falseCsamOnHardNegatives} > current ${current.falseCsamOnHardNegatives}`,
    );
  if (hoaxRecall(candidate) < hoaxRecall(current))
    reasons.push(
      `hoax recall ${hoaxRecall(candidate).toFixed(3)} < current ${hoaxRecall(current).toFixed(3)}`,
    );
  return reasons.length === 0
    ? { promote: true, reasons: ['no worse on the test split'] }
    : { promote: false, reasons };
}
