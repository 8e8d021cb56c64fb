/** `npm run bench`: prints throughput figures measured side by side in one run. */
import { runClassifierBench } from './classifier-bench';
import { runIntakeBench } from './intake-bench';
import { printTable } from './measure';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  console.log(`Saring benchmarks on ${process.version}, ${new Date().toISOString()}\n`);
  console.log('Classifier and URL canonicalization (one core, in process):');
  const rows = runClassifierBench();
  printTable(rows);
  console.log('');
  await runIntakeBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
