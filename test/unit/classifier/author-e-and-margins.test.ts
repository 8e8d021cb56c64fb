import { classify as classifyByRules } from '../../../activities/classifier/classify';
import { CATEGORY_MARGINS, classifyWithModel } from '../../../activities/classifier/classify-with-model';
import { shippedModel } from '../../../activities/classifier/model/shipped-model';
import { loadDataset } from '../../../activities/classifier/training/load-dataset';
import { confusionLines } from '../../../activities/classifier/training/loao-report';
import { metricsOf, type Prediction } from '../../../activities/classifier/training/metrics';
import { CATEGORIES } from '../../../domain/categories';

describe('author E (issue 15): a training source aimed at the gambling boundary', () => {
  const dataset = loadDataset();
  const authorE = dataset.filter((item) => item.source === 'author-e');

  it('adds at least 500 items, in train and calibration only, with hand-written posts', () => {
    expect(authorE.length).toBeGreaterThanOrEqual(500);
    expect(new Set(authorE.map((item) => item.split))).toEqual(new Set(['train', 'calibration']));
    expect(authorE.filter((item) => item.tags.includes('hand_written')).length).toBeGreaterThanOrEqual(20);
  });

  it('has positives near every category and the most hard negatives near gambling', () => {
    const near = (category: string) =>
      authorE.filter((item) => item.tags.includes(`near:${category}`)).length;
    for (const category of CATEGORIES) {
      expect(authorE.filter((item) => item.label === category).length).toBeGreaterThanOrEqual(30);
      expect(near(category)).toBeGreaterThanOrEqual(15);
    }
    expect(Math.max(...CATEGORIES.map(near))).toBe(near('online_gambling'));
  });
});

describe('per-category decision margins', () => {
  const model = shippedModel();
  const calibration = loadDataset().filter((item) => item.split === 'calibration');

  it('withholds a call the model makes by less than the category margin, and lists it first', () => {
    const thin = calibration.filter((item) => {
      if (classifyByRules({ text: item.text }).category) return false;
      const free = classifyWithModel(model, { text: item.text }, { margins: {} });
      return (
        free.category !== undefined &&
        (CATEGORY_MARGINS[free.category] ?? 0) > 0 &&
        !classifyWithModel(model, { text: item.text }).category
      );
    });
    expect(thin.length).toBeGreaterThan(0);
    for (const item of thin) {
      const free = classifyWithModel(model, { text: item.text }, { margins: {} });
      const withheld = classifyWithModel(model, { text: item.text });
      expect(withheld.suggestedPriority).toBe('normal');
      // Still reaches a verifier: the withheld category is the first alternative.
      expect(withheld.alternatives[0]?.category).toBe(free.category);
      const runnerUp = Math.max(
        withheld.confidence,
        ...withheld.alternatives.slice(1).map((alternative) => alternative.confidence),
      );
      expect(free.confidence - runnerUp).toBeLessThan(CATEGORY_MARGINS[free.category!]!);
    }
  });
});

describe('leave-one-author-out confusion lines', () => {
  it('names what was taken in as gambling and where gambling items went', () => {
    const prediction = (label: Prediction['label'], predicted: Prediction['label']): Prediction => ({
      id: `${label}-${predicted}`,
      label,
      predicted,
      confidence: 0.9,
      tags: [],
    });
    const metrics = metricsOf([
      prediction('online_gambling', 'online_gambling'),
      prediction('fraud', 'online_gambling'),
      prediction('fraud', 'online_gambling'),
      prediction('none', 'online_gambling'),
      prediction('online_gambling', 'none'),
    ]);
    expect(confusionLines(metrics, 'online_gambling')).toEqual([
      '  predicted gambling but was: fraud 2, none 1',
      '  gambling predicted as: none 1',
    ]);
  });
});
