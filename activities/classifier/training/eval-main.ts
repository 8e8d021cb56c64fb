import fs from 'node:fs';
import path from 'node:path';
import { SHIPPED_MODEL_PATH } from '../model/shipped-model';
import { serializeModel } from '../model/text-model';
import { trainModel } from '../model/train-model';
import { loadDataset, loadLegacySet } from './load-dataset';
import { formatGenerated, formatReport } from './format-report';
import { MODEL_RECORD_PATH, modelRecord } from './model-record';
import { buildReport, REPORT_PATH } from './report';

/** Trains the model, writes it where intake loads it, its evaluation record, and the report. */
async function main() {
  const started = Date.now();
  const relative = (file: string) => path.relative(process.cwd(), file);
  console.log('classifier:eval: loading data/classifier/labelled.jsonl');
  const dataset = loadDataset();
  console.log(`classifier:eval: training on ${dataset.filter((i) => i.split !== 'test').length} items…`);
  const model = trainModel(dataset);
  console.log(`classifier:eval: model ${model.version}; evaluating…`);
  fs.writeFileSync(REPORT_PATH, formatReport(buildReport(model, dataset, loadLegacySet())));
  console.log(`classifier:eval: wrote ${relative(REPORT_PATH)}`);
  fs.writeFileSync(SHIPPED_MODEL_PATH, formatGenerated(serializeModel(model), SHIPPED_MODEL_PATH));
  const record = modelRecord(model, dataset);
  fs.writeFileSync(MODEL_RECORD_PATH, formatGenerated(JSON.stringify(record), MODEL_RECORD_PATH));
  console.log(
    `classifier:eval: wrote ${relative(SHIPPED_MODEL_PATH)} (${fs.statSync(SHIPPED_MODEL_PATH).size} bytes) and ${relative(MODEL_RECORD_PATH)} in ${Date.now() - started} ms`,
  );
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
