import { CATEGORIES } from '../../../domain/categories';
import { CATEGORY_MARGINS } from '../classify-with-model';
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
  { name: 'without author E', withoutTrainFrom: ['author-e'] },
  { name: 'no category margins', decision: { margins: {} } },
  { name: 'without wrapped copies', withoutTrainTag: 'wrapped' },
  { name: 'no class weights', training: { classWeightPower: 0 } },
  { name: 'no rule veto', decision: { ruleVetoBelow: 0 } },
  { name: 'no CSAM reporting guard', decision: { csamReportingGuard: false } },
  {
    name: 'none of the above',
    withoutTrainFrom: ['author-d', 'author-e'],
    withoutTrainTag: 'wrapped',
    training: { classWeightPower: 0, training: { l2: 1e-5 } },
    decision: { ruleVetoBelow: 0, csamReportingGuard: false, margins: {} },
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
  // Issue 15 (author E): decision margins and class weights for the gambling/fraud boundary.
  { name: 'gambling margin 0.2', decision: { margins: { online_gambling: 0.2 } } },
  { name: 'gambling margin 0.4', decision: { margins: { online_gambling: 0.4 } } },
  { name: 'gambling margin 0.6', decision: { margins: { online_gambling: 0.6 } } },
  { name: 'gambling+fraud margin 0.4', decision: { margins: { online_gambling: 0.4, fraud: 0.4 } } },
  { name: 'gambling+fraud margin 0.6', decision: { margins: { online_gambling: 0.6, fraud: 0.6 } } },
  {
    name: 'gambling+fraud+other margin 0.4',
    decision: { margins: { online_gambling: 0.4, fraud: 0.4, other_illegal: 0.4 } },
  },
  {
    name: 'every category margin 0.3',
    decision: { margins: Object.fromEntries(CATEGORIES.map((c) => [c, 0.3])) },
  },
  { name: 'none weight 1.5', training: { noneWeight: 1.5 } },
  { name: 'none weight 2', training: { noneWeight: 2 } },
  { name: 'none weight 3', training: { noneWeight: 3 } },
  { name: 'none weight 2, l2 3e-4', training: { noneWeight: 2, training: { l2: 3e-4 } } },
  { name: 'rule veto 0.1, none weight 1.5', decision: { ruleVetoBelow: 0.1 }, training: { noneWeight: 1.5 } },
  {
    name: 'rule veto 0.1, gambling+fraud+other margin 0.4',
    decision: { ruleVetoBelow: 0.1, margins: { online_gambling: 0.4, fraud: 0.4, other_illegal: 0.4 } },
  },
  {
    name: 'gambling+fraud+other margin 0.25',
    decision: { margins: { online_gambling: 0.25, fraud: 0.25, other_illegal: 0.25 } },
  },
  {
    name: 'gambling+fraud+other margin 0.6',
    decision: { margins: { online_gambling: 0.6, fraud: 0.6, other_illegal: 0.6 } },
  },
  ...[0.5, 0.7, 0.8].map((margin) => ({
    name: `gambling+fraud+other margin ${margin}`,
    decision: { margins: { online_gambling: margin, fraud: margin, other_illegal: margin } },
  })),
  ...[0.4, 0.6].map((margin) => ({
    name: `gambling+fraud+other 0.6, hoax+defamation margin ${margin}`,
    decision: {
      margins: { online_gambling: 0.6, fraud: 0.6, other_illegal: 0.6, hoax: margin, defamation: margin },
    },
  })),
  ...[0.2, 0.3, 0.4].map((margin) => ({
    name: `gambling+fraud+other 0.5, hoax+defamation margin ${margin}`,
    decision: {
      margins: { online_gambling: 0.5, fraud: 0.5, other_illegal: 0.5, hoax: margin, defamation: margin },
    },
  })),
  // Issue 15 (author F): the fraud / other illegal trade boundary.
  { name: 'with author F train items', training: { trainWithoutSources: [], calibrateWithoutSources: [] } },
  {
    name: 'with author F train items, not counted in class weights',
    training: { trainWithoutSources: [], calibrateWithoutSources: [], classCountsWithout: ['author-f'] },
  },
  ...[0.4, 0.6, 0.7].map((margin) => ({
    name: `fraud+other margin ${margin}`,
    decision: { margins: { ...CATEGORY_MARGINS, fraud: margin, other_illegal: margin } },
  })),
  { name: 'fraud margin 0.7', decision: { margins: { ...CATEGORY_MARGINS, fraud: 0.7 } } },
  ...[0.25, 0.5].map((weight) => ({
    name: `author F weight ${weight}`,
    training: { trainWithoutSources: [], calibrateWithoutSources: [], sourceWeights: { 'author-f': weight } },
  })),
  {
    name: 'author F weight 0.5, fraud+other margin 0.6',
    training: { trainWithoutSources: [], calibrateWithoutSources: [], sourceWeights: { 'author-f': 0.5 } },
    decision: { margins: { ...CATEGORY_MARGINS, fraud: 0.6, other_illegal: 0.6 } },
  },
  { name: 'none weight 1.25', training: { noneWeight: 1.25 } },
  { name: 'other margin 0.5 (before)', decision: { margins: { ...CATEGORY_MARGINS, other_illegal: 0.5 } } },
  { name: 'class weights ^0.75', training: { classWeightPower: 0.75 } },
  {
    name: 'none weight 1.25, fraud+other margin 0.6',
    training: { noneWeight: 1.25 },
    decision: { margins: { ...CATEGORY_MARGINS, fraud: 0.6, other_illegal: 0.6 } },
  },
  { name: 'author F in calibration', training: { calibrateWithoutSources: [] } },
  // Issue 15 (seller-talk pass, after the 7th test-split run): the fraud / other illegal trade pair.
  ...[0.6, 0.7, 0.8].map((margin) => ({
    name: `fraud over other pair margin ${margin}`,
    decision: { pairMargins: { fraud: { other_illegal: margin } } },
  })),
  {
    name: 'fraud/other pair margin 0.7 both ways',
    decision: { pairMargins: { fraud: { other_illegal: 0.7 }, other_illegal: { fraud: 0.7 } } },
  },
  { name: 'gambling margin 0.6', decision: { margins: { ...CATEGORY_MARGINS, online_gambling: 0.6 } } },
];
