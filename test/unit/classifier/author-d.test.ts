import { loadDataset } from '../../../activities/classifier/training/load-dataset';
import { CATEGORIES } from '../../../domain/categories';

/** Author D (issue 15) is a training source only, with hard negatives near every category. */
describe('author D and wrapped copies in data/classifier', () => {
  const dataset = loadDataset();
  const authorD = dataset.filter((item) => item.source === 'author-d');

  it('adds at least 600 items, in train and calibration only', () => {
    const own = authorD.filter((item) => !item.tags.includes('wrapped'));
    expect(own.length).toBeGreaterThanOrEqual(600);
    expect(new Set(authorD.map((item) => item.split))).toEqual(new Set(['train', 'calibration']));
    expect(authorD.filter((item) => item.tags.includes('hand_written')).length).toBeGreaterThanOrEqual(20);
  });

  it('has positives and hard negatives for every category, and heavy obfuscation', () => {
    for (const category of CATEGORIES) {
      expect(authorD.filter((item) => item.label === category).length).toBeGreaterThanOrEqual(30);
      expect(authorD.filter((item) => item.tags.includes(`near:${category}`)).length).toBeGreaterThanOrEqual(
        15,
      );
    }
    for (const tag of ['emoji_separated', 'zero_width', 'spaced', 'heavy_leet', 'hashtags'])
      expect(authorD.filter((item) => item.tags.includes(tag)).length).toBeGreaterThan(0);
  });

  it('keeps wrapped copies out of calibration and test', () => {
    const wrapped = dataset.filter((item) => item.tags.includes('wrapped'));
    expect(wrapped.length).toBeGreaterThan(0);
    expect(wrapped.every((item) => item.split === 'train')).toBe(true);
  });
});
