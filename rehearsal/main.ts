/**
 * `npm run rehearse`: runs the synthesized self-hosted estate on this machine (docs/platform-engineers.md,
 * "Rehearsal"). Needs root (mount and UTS namespaces per task), Go, openssl and Debian's PostgreSQL 15.
 */
import path from 'node:path';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { z } from 'zod';
import { REPO_ROOT } from '../toolchain/paths';
import { rehearse } from './rehearse';
import { scaleProbeTable } from './scale-probe';
import { StepFailed } from './steps';

const Args = z
  .array(
    z.union([
      z.literal('--shortened'),
      z.string().regex(/^--scale-probe=[1-9][0-9]{0,4}$/, {
        message: 'options: --shortened, --scale-probe=N (N cases per round, 1 to 99999)',
      }),
    ]),
  )
  .transform((list) => ({
    shortened: list.includes('--shortened'),
    scaleProbe: list.map((arg) => /^--scale-probe=(\d+)$/.exec(arg)?.[1]).find(Boolean),
  }))
  .refine((args) => !(args.shortened && args.scaleProbe), {
    message: '--scale-probe needs the whole rehearsal; leave out --shortened',
  });

async function main(): Promise<void> {
  const parsed = Args.safeParse(process.argv.slice(2));
  if (!parsed.success) {
    console.error(`npm run rehearse: ${z.prettifyError(parsed.error)}`);
    process.exit(2);
  }
  const args = parsed.data;
  if (process.getuid?.() !== 0) {
    throw new Error('The rehearsal needs root: each task gets its own mount and UTS namespace (unshare).');
  }
  const runDir = path.join(REPO_ROOT, '.data', `rehearsal-${process.pid}`);
  const result = await rehearse({
    runDir,
    driveCase: !args.shortened,
    ...(args.scaleProbe ? { scaleProbe: Number(args.scaleProbe) } : {}),
  });
  console.log('\nRehearsal passed:');
  for (const step of result.steps) console.log(`  ${step.seconds.toFixed(1).padStart(6)}s  ${step.name}`);
  console.log(
    `  ${result.totalSeconds.toFixed(1).padStart(6)}s  total (logs and stand-ins kept in ${runDir})`,
  );
  if (result.scale) console.log(`\n${scaleProbeTable(result.scale)}\n(${runDir}/scale-probe.json)`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\nRehearsal FAILED: ${message}`);
  if (error instanceof StepFailed)
    console.error(`Fix what the step reports, then run \`npm run rehearse\` again.`);
  process.exit(1);
});
