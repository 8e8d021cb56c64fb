import fs from 'node:fs';
import path from 'node:path';
import { trainModel } from '../model/train-model';
import { loadDataset, loadLegacySet } from './load-dataset';
import { formatReport } from './format-report';
import { buildReport, REPORT_PATH } from './report';

async function main() {
  const started = Date.now();
  console.log('classifier:eval: loading data/classifier/labelled.jsonl');
  const dataset = loadDataset();
  console.log(`classifier:eval: training on ${dataset.filter((i) => i.split !== 'test').length} items…`);
  const model = trainModel(dataset);
  console.log(`classifier:eval: model ${model.version}; evaluating…`);
  fs.writeFileSync(REPORT_PATH, formatReport(buildReport(model, dataset, loadLegacySet())));
  console.log(
    `classifier:eval: wrote ${path.relative(process.cwd(), REPORT_PATH)} in ${Date.now() - started} ms`,
  );
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
