/**
 * `npm run toolchain`: obtains every pinned server and tool from registry sources into .toolchain/,
 * reuses what is cached, and writes .toolchain/manifest.json for the start command and the tests.
 */
import { ensureTemporalCli } from './temporal-cli';
import { ensureVersitygw } from './versitygw';
import { ensureTestServer } from './test-server';
import { ensurePythonTools } from './python-tools';
import { writeManifest } from './manifest';

async function main(): Promise<void> {
  const started = Date.now();
  const steps = [
    ['Temporal CLI (dev server)', ensureTemporalCli],
    ['versitygw (S3 server)', ensureVersitygw],
    ['Temporal time-skipping test server', ensureTestServer],
    ['cfn-lint and checkov', ensurePythonTools],
  ] as const;
  const results: unknown[] = [];
  for (const [index, [name, ensure]] of steps.entries()) {
    const stepStarted = Date.now();
    const result = await ensure();
    results.push(result);
    console.log(
      `toolchain ${index + 1}/${steps.length} ${name}: ready (${((Date.now() - stepStarted) / 1000).toFixed(1)}s)`,
    );
  }
  const [temporalCli, versitygw, temporalTestServer, pythonTools] = results as [
    Awaited<ReturnType<typeof ensureTemporalCli>>,
    Awaited<ReturnType<typeof ensureVersitygw>>,
    Awaited<ReturnType<typeof ensureTestServer>>,
    Awaited<ReturnType<typeof ensurePythonTools>>,
  ];
  writeManifest({ temporalCli, versitygw, temporalTestServer, pythonTools });
  console.log(`toolchain ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

main().catch((error: unknown) => {
  console.error(`\ntoolchain setup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
