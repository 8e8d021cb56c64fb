import fs from 'node:fs';
import path from 'node:path';
import { SHIPPED_MODEL_PATH } from '../model/shipped-model';
import { serializeModel } from '../model/text-model';
import { trainModel } from '../model/train-model';
import { loadDataset, loadLegacySet } from './load-dataset';
import { formatGenerated, formatReport } from './format-report';
import { MODEL_RECORD_PATH, modelRecord } from './model-record';
import { format, resolveConfig } from 'prettier';
import { buildReport, REPORT_PATH } from './report';
import { reportTargetsTable, withReadmeTargets } from './readme-targets';

const README_PATH = path.join(__dirname, '../../../README.md');

/** Copies the report's targets table into the README (between its markers) and formats it as lint expects. */
async function writeReadmeTargets(report: string): Promise<void> {
  const readme = withReadmeTargets(fs.readFileSync(README_PATH, 'utf8'), reportTargetsTable(report));
  const options = (await resolveConfig(README_PATH)) ?? {};
  fs.writeFileSync(README_PATH, await format(readme, { ...options, filepath: README_PATH }));
}

/** Trains the model, writes it where intake loads it, its evaluation record, and the report. */
async function main() {
  const started = Date.now();
  const relative = (file: string) => path.relative(process.cwd(), file);
  console.log('classifier:eval: loading data/classifier/labelled.jsonl');
  const dataset = loadDataset();
  console.log(`classifier:eval: training on ${dataset.filter((i) => i.split !== 'test').length} items…`);
  const model = trainModel(dataset);
  console.log(`classifier:eval: model ${model.version}; evaluating…`);
  const report = formatReport(buildReport(model, dataset, loadLegacySet()));
  fs.writeFileSync(REPORT_PATH, report);
  await writeReadmeTargets(report);
  console.log(`classifier:eval: wrote ${relative(REPORT_PATH)} and its targets table into README.md`);
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
