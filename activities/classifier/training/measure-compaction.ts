import { serializeModel } from '../model/text-model';
import { trainModel } from '../model/train-model';
import { evaluateModel } from './evaluate-model';
import { loadDataset } from './load-dataset';
import { worstCategoryPrecision } from './metrics';

/**
 * What shrinking the model costs, on the calibration split only (the test split is for the report):
 * the same training with full float32 weights and with the compact int8 weights that ship.
 */
function main() {
  const dataset = loadDataset();
  const calibration = dataset.filter((item) => item.split === 'calibration');
  console.log('classifier:compaction: training the full-precision model…');
  const full = trainModel(dataset, { compact: false });
  console.log('classifier:compaction: training the compact model…');
  const compact = trainModel(dataset);
  const rows = [
    { name: 'full float32', model: full },
    { name: 'compact int8', model: compact },
  ].map(({ name, model }) => {
    const metrics = evaluateModel(model, calibration);
    let nonZero = 0;
    for (const weight of model.weights) if (weight !== 0) nonZero++;
    return {
      model: name,
      version: model.version,
      'file bytes': Buffer.byteLength(serializeModel(model)),
      'non-zero weights': nonZero,
      'calibration accuracy': metrics.accuracy.toFixed(4),
      'lowest precision': worstCategoryPrecision(metrics).toFixed(4),
      ECE: metrics.ece.toFixed(4),
    };
  });
  console.table(rows);
  console.log(
    `size ratio full/compact: ${(rows[0]!['file bytes'] / rows[1]!['file bytes']).toFixed(1)}×; ` +
      `calibration accuracy ${rows[0]!['calibration accuracy']} → ${rows[1]!['calibration accuracy']}`,
  );
}

if (require.main === module) main();
