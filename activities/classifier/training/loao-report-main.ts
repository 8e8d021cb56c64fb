import { crossAuthorMetrics, developmentItems, type Variant } from './development-metrics';
import { loadDataset } from './load-dataset';
import { heldOutAuthorReport } from './loao-report';
import { VARIANTS } from './tune-variants';

/**
 * npm run classifier:loao [variant name] — leave one training author out (the development metric for
 * issue 15): for each held-out author, accuracy, per-category precision/recall and what gambling and fraud
 * are confused with, then the same pooled. The test split is dropped on load and never scored here.
 */
function main() {
  const name = process.argv[2] ?? 'shipped settings';
  const variant: Variant | undefined = VARIANTS.find((candidate) => candidate.name === name);
  if (!variant)
    throw new Error(
      `No variant named "${name}": pick one of ${VARIANTS.map((v) => `"${v.name}"`).join(', ')} (activities/classifier/training/tune-variants.ts)`,
    );
  const items = developmentItems(loadDataset());
  const sources = [...new Set(items.map((item) => item.source))].sort();
  console.log(
    `classifier:loao: variant "${name}", ${items.length} development items, holding out ${sources.join(', ')} in turn (one model each)…`,
  );
  const started = Date.now();
  const { perAuthor, pooled, pooledWithout } = crossAuthorMetrics(items, variant);
  for (const { source, metrics } of perAuthor)
    console.log(`\n${heldOutAuthorReport(`held out ${source}`, metrics)}`);
  console.log(`\n${heldOutAuthorReport('pooled over held-out authors', pooled)}`);
  if (sources.includes('author-f'))
    console.log(
      `\n${heldOutAuthorReport('pooled over authors A, C, D, E (the folds before author F)', pooledWithout(['author-f']))}`,
    );
  console.log(`\nclassifier:loao: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (require.main === module) main();
