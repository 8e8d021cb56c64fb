/**
 * `npm run build:workflows [-- --out <file>]`: bundles workflows/ once (webpack) into one file, so a worker
 * started with SARING_WORKFLOW_BUNDLE=<file> loads it instead of bundling at every start (seconds of CPU
 * and a few hundred MB of webpack at the moment a fresh task should be taking work). `--tracing` adds
 * the tracing interceptors, for a worker that runs with tracing on (create-worker.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { bundleCaseWorkflowCode } from './bundle-case-workflows';

const Args = z.object({ out: z.string().min(1).default('dist/workflow-bundle.js') });

async function main(): Promise<void> {
  const outIndex = process.argv.indexOf('--out');
  const args = Args.safeParse({ out: outIndex === -1 ? undefined : process.argv[outIndex + 1] });
  if (!args.success)
    throw new Error('usage: build-workflow-bundle [--out <file>] [--tracing] (--out needs a file name)');
  const started = Date.now();
  const { code } = await bundleCaseWorkflowCode({ tracing: process.argv.includes('--tracing') });
  fs.mkdirSync(path.dirname(path.resolve(args.data.out)), { recursive: true });
  fs.writeFileSync(args.data.out, code);
  console.log(
    `workflow bundle ${args.data.out}: ${(code.length / 1024).toFixed(0)} KiB in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(`build-workflow-bundle failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
