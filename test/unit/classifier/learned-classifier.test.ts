import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { CATEGORIES } from '../../../domain/categories';
import { classifyWithModel } from '../../../activities/classifier/classify-with-model';
import { parseModel, serializeModel } from '../../../activities/classifier/model/text-model';
import { shippedModel } from '../../../activities/classifier/model/shipped-model';
import { trainModel } from '../../../activities/classifier/model/train-model';
import {
  generateDataset,
  serialize,
  testSplitHash,
} from '../../../activities/classifier/training/generate-dataset';
import {
  DATASET_PATH,
  loadDataset,
  loadLegacySet,
  TEST_HASH_PATH,
} from '../../../activities/classifier/training/load-dataset';
import { formatReport } from '../../../activities/classifier/training/format-report';
import { buildReport, REPORT_PATH } from '../../../activities/classifier/training/report';

/** One training run shared by every check below; the report check also proves training is deterministic. */
describe('learned classifier on data/classifier', () => {
  const dataset = loadDataset();
  const model = trainModel(dataset);

  it('keeps the test split fixed: its SHA-256 is the committed one', () => {
    expect(testSplitHash(dataset)).toBe(fs.readFileSync(TEST_HASH_PATH, 'utf8').trim());
    const testLines = fs
      .readFileSync(DATASET_PATH, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"split":"test"'));
    expect(
      createHash('sha256')
        .update(testLines.join('\n') + '\n')
        .digest('hex'),
    ).toBe(testSplitHash(dataset));
  });

  it('is exactly what the generator makes, with ≥1,500 items and hard negatives near every category', () => {
    expect(serialize(generateDataset())).toBe(fs.readFileSync(DATASET_PATH, 'utf8'));
    expect(dataset.length).toBeGreaterThanOrEqual(1500);
    for (const category of CATEGORIES)
      for (const split of ['train', 'test'] as const)
        expect(
          dataset.filter((item) => item.split === split && item.tags.includes(`near:${category}`)).length,
        ).toBeGreaterThanOrEqual(10);
    const testSources = new Set(dataset.filter((item) => item.split === 'test').map((item) => item.source));
    expect([...testSources]).toEqual(['author-b']);
  });

  it('round-trips through its file format, which refuses bytes that do not match the version', () => {
    const restored = parseModel(serializeModel(model));
    expect(restored.version).toBe(model.version);
    const tampered = JSON.parse(serializeModel(model)) as { temperature: number };
    tampered.temperature += 0.5;
    expect(() => parseModel(JSON.stringify(tampered))).toThrow(/claims version/);
  });

  it('matches the committed report and model (regenerate with npm run classifier:eval)', () => {
    const fresh = formatReport(buildReport(model, dataset, loadLegacySet()));
    expect(fresh).toBe(fs.readFileSync(REPORT_PATH, 'utf8'));
    expect(shippedModel().version).toBe(model.version);
  });

  it('never calls child sexual abuse on child-protection education, and records the model version', () => {
    for (const text of [
      'Melindungi anak dari pornografi di internet: panduan untuk orang tua',
      'Edukasi: ajari anak bagian tubuh yang tidak boleh disentuh, laporkan pelecehan ke KPAI',
      'video anak lucu main di pantai',
    ]) {
      const result = classifyWithModel(model, { text });
      expect(result.category).not.toBe('child_sexual_abuse');
      expect(result.modelVersion).toBe(model.version);
    }
    const listing = classifyWithModel(model, {
      text: 'jual video asusila anak di bawah umur, dm untuk harga',
    });
    expect(listing).toMatchObject({ category: 'child_sexual_abuse', suggestedPriority: 'urgent' });
    expect(listing.rules.some((rule) => rule.startsWith('csam.'))).toBe(true);
  });
});
