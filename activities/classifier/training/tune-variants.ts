import { FEATURE_OPTIONS } from '../model/features';
import type { Variant } from './development-metrics';

/**
 * Variants compared by npm run classifier:tune and classifier:loao. The first is the shipped settings;
 * each ablation row takes one chosen change back out, so the table is also the ablation in
 * docs/classifier.md.
 */
export const VARIANTS: Variant[] = [
  { name: 'shipped settings' },
  // Ablation: each row takes one chosen change back out.
  { name: 'without author D', withoutTrainFrom: ['author-d'] },
  { name: 'without wrapped copies', withoutTrainTag: 'wrapped' },
  { name: 'no class weights', training: { classWeightPower: 0 } },
  { name: 'no rule veto', decision: { ruleVetoBelow: 0 } },
  { name: 'no CSAM reporting guard', decision: { csamReportingGuard: false } },
  {
    name: 'none of the above',
    withoutTrainFrom: ['author-d'],
    withoutTrainTag: 'wrapped',
    training: { classWeightPower: 0, training: { l2: 1e-5 } },
    decision: { ruleVetoBelow: 0, csamReportingGuard: false },
  },
  // Alternatives tried and not kept.
  { name: 'class weights ^0.5', training: { classWeightPower: 0.5 } },
  { name: 'class weights ^1.5', training: { classWeightPower: 1.5 } },
  { name: 'rule veto 0.1', decision: { ruleVetoBelow: 0.1 } },
  { name: 'rule veto 0.2', decision: { ruleVetoBelow: 0.2 } },
  { name: 'abstain 0.4', decision: { abstainBelow: 0.4 } },
  { name: 'abstain 0.6', decision: { abstainBelow: 0.6 } },
  { name: 'l2 1e-5', training: { training: { l2: 1e-5 } } },
  { name: 'l2 3e-4', training: { training: { l2: 3e-4 } } },
  { name: '6 epochs', training: { training: { epochs: 6 } } },
  { name: '20 epochs', training: { training: { epochs: 20 } } },
  { name: 'no word bigrams', training: { features: { ...FEATURE_OPTIONS, wordBigrams: false } } },
  { name: 'char 2-5', training: { features: { ...FEATURE_OPTIONS, charMin: 2 } } },
  { name: 'char 3-6', training: { features: { ...FEATURE_OPTIONS, charMax: 6 } } },
  { name: 'sublinear counts', training: { features: { ...FEATURE_OPTIONS, sublinear: true } } },
  { name: 'rule weight 1', training: { features: { ...FEATURE_OPTIONS, ruleWeight: 1 } } },
];
