import { calibrationMetrics, crossAuthorMetrics, developmentItems, figuresOf } from './development-metrics';
import { loadDataset } from './load-dataset';
import { scoreOf, worstCategoryPrecision, type Metrics } from './metrics';
import { f3 } from './figures';
import type { Label } from './dataset-schema';
import { VARIANTS } from './tune-variants';

/**
 * npm run classifier:tune [variant names…] [--detail] — compares model variants on the calibration split
 * and by leaving one training author out (LOAO), never on the test split (dropped on load). Each row
 * changes one thing from the shipped settings, so the table is also the ablation in docs/classifier.md.
 */

const precisionOf = (metrics: Metrics, label: Label) => scoreOf(metrics, label).precision;

function perLabel(title: string, metrics: Metrics) {
  console.log(title);
  console.table(
    metrics.perLabel.map((score) => ({
      label: score.label,
      n: score.support,
      predicted: score.predicted,
      precision: f3(score.precision),
      recall: f3(score.recall),
    })),
  );
}

function main() {
  const args = process.argv.slice(2);
  const detail = args.includes('--detail');
  const names = args.filter((arg) => arg !== '--detail');
  const items = developmentItems(loadDataset());
  const chosen = names.length > 0 ? VARIANTS.filter((variant) => names.includes(variant.name)) : VARIANTS;
  if (chosen.length === 0)
    throw new Error(`No variant named ${names.join(', ')}: pick names from VARIANTS in ${__filename}`);
  console.log(
    `classifier:tune: ${items.length} development items (test split not loaded), ${chosen.length} variants`,
  );
  const rows = [];
  for (const [index, variant] of chosen.entries()) {
    const started = Date.now();
    const calibration = calibrationMetrics(items, variant);
    const crossAuthor = crossAuthorMetrics(items, variant);
    const cal = figuresOf(calibration);
    const pooled = figuresOf(crossAuthor.pooled);
    const beforeF = crossAuthor.pooledWithout(['author-f']);
    rows.push({
      variant: variant.name,
      'cal acc': f3(cal.accuracy),
      'cal min P': f3(cal.lowestPrecision),
      'cal hoax R': f3(cal.hoaxRecall),
      'cal CSAM FP': cal.falseCsam,
      ...Object.fromEntries(
        crossAuthor.perAuthor.map(({ source, metrics }) => [
          `LOAO ${source.slice(-1)} acc`,
          f3(metrics.accuracy),
        ]),
      ),
      'LOAO acc': f3(pooled.accuracy),
      'LOAO min P': f3(pooled.lowestPrecision),
      'LOAO gamb P': f3(precisionOf(crossAuthor.pooled, 'online_gambling')),
      'LOAO fraud P': f3(precisionOf(crossAuthor.pooled, 'fraud')),
      'LOAO other P': f3(precisionOf(crossAuthor.pooled, 'other_illegal')),
      'LOAO hoax R': f3(pooled.hoaxRecall),
      'LOAO CSAM FP': pooled.falseCsam,
      // Issue 15 (author F): the folds A, C, D, E alone, comparable with the figures from before author F.
      'ACDE acc': f3(beforeF.accuracy),
      'ACDE min P': f3(worstCategoryPrecision(beforeF)),
      'ACDE fraud P': f3(precisionOf(beforeF, 'fraud')),
    });
    console.log(
      `classifier:tune: ${index + 1}/${chosen.length} ${variant.name} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
    if (detail) {
      perLabel(`${variant.name}: calibration split`, calibration);
      perLabel(`${variant.name}: leave one author out, pooled`, crossAuthor.pooled);
    }
  }
  console.table(rows);
  console.log(
    'cal = calibration split; LOAO = leave one author out (each training author held out in turn, figures pooled over their items); min P = lowest category precision; ACDE = pooled over held-out authors A, C, D, E only (as before author F); CSAM FP = false child-sexual-abuse calls on hard negatives.',
  );
}

if (require.main === module) main();
