import fs from 'node:fs';
import { classificationActivities } from '../../../activities/classify-content';
import { SHIPPED_MODEL_PATH, shippedModel } from '../../../activities/classifier/model/shipped-model';
import { parseModel } from '../../../activities/classifier/model/text-model';
import { loadDataset } from '../../../activities/classifier/training/load-dataset';
import {
  MODEL_RECORD_PATH,
  ModelRecord,
  modelRecord,
} from '../../../activities/classifier/training/model-record';

/** The model committed in data/classifier/ is what intake runs on a fresh clone, and scores what it says. */
describe('shipped classifier model', () => {
  const model = shippedModel();

  it('is small enough to commit and loads with its bytes matching its version', () => {
    expect(fs.statSync(SHIPPED_MODEL_PATH).size).toBeLessThan(400_000);
    expect(model.version).toMatch(/^lr-[0-9a-f]{12}$/);
    const damaged = fs
      .readFileSync(SHIPPED_MODEL_PATH, 'utf8')
      .replace(/"weights": "(.{40})/, '"weights": "AAAA$1');
    expect(() => parseModel(damaged)).toThrow(/unreadable weights|claims version/);
  });

  it('scores exactly its recorded evaluation on the calibration and test splits', () => {
    const recorded = ModelRecord.parse(JSON.parse(fs.readFileSync(MODEL_RECORD_PATH, 'utf8')));
    expect(recorded.version).toBe(model.version);
    expect(modelRecord(model, loadDataset())).toEqual(recorded);
  });

  it('is what intake uses when no retrained model has been promoted', async () => {
    const { classifyContent } = classificationActivities(undefined);
    const result = await classifyContent({
      caseId: 'case-shipped-1',
      text: 'slot gacor maxwin hari ini, depo 10rb',
    });
    expect(result).toMatchObject({ category: 'online_gambling', modelVersion: model.version });
    await expect(classifyContent({ caseId: 'case-shipped-2' })).rejects.toThrow(/text or a url/);
  });
});
