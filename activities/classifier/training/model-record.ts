import path from 'node:path';
import { z } from 'zod';
import type { TextModel } from '../model/text-model';
import type { DatasetItem } from './dataset-schema';
import { evaluateModel } from './evaluate-model';
import { scoreOf, worstCategoryPrecision } from './metrics';

export const MODEL_RECORD_PATH = path.resolve(__dirname, '../../../data/classifier/model-evaluation.json');

const round = (value: number) => Math.round(value * 10_000) / 10_000;

const SplitFigures = z.object({
  items: z.number().int().positive(),
  accuracy: z.number().min(0).max(1),
  lowestCategoryPrecision: z.number().min(0).max(1),
  hoaxRecall: z.number().min(0).max(1),
  falseCsamOnHardNegatives: z.number().int().nonnegative(),
});

/** What the committed model scored when it was written: a test re-evaluates the committed file against it. */
export const ModelRecord = z.object({
  version: z.string().regex(/^lr-[0-9a-f]{12}$/),
  calibration: SplitFigures,
  test: SplitFigures,
});
export type ModelRecord = z.infer<typeof ModelRecord>;

function figures(model: TextModel, items: readonly DatasetItem[]): z.infer<typeof SplitFigures> {
  const metrics = evaluateModel(model, items);
  return {
    items: metrics.items,
    accuracy: round(metrics.accuracy),
    lowestCategoryPrecision: round(worstCategoryPrecision(metrics)),
    hoaxRecall: round(scoreOf(metrics, 'hoax').recall),
    falseCsamOnHardNegatives: metrics.falseCsamOnHardNegatives,
  };
}

export function modelRecord(model: TextModel, dataset: readonly DatasetItem[]): ModelRecord {
  return {
    version: model.version,
    calibration: figures(
      model,
      dataset.filter((item) => item.split === 'calibration'),
    ),
    test: figures(
      model,
      dataset.filter((item) => item.split === 'test'),
    ),
  };
}
