/**
 * `npm run images:resolve -- --out <file> [--environments dev,prod] [--crane <path>]
 * [--registry docker-hub=<host>] [--registry ecr-public=<host>] [--insecure]`: writes the digest file that
 * `-c saring:imageDigests=<file>` hands to synth (docs/platform-engineers.md, "Images").
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ENVIRONMENTS } from '../config/load';
import { ImageDigestsFile } from '../constructs/images/image-digests';
import { UPSTREAM_REGISTRIES } from '../constructs/images/pinned-images';
import { ensureCrane } from '../../toolchain/crane';
import { resolveImageDigests } from './resolve-image-digests';

const prefixes = Object.keys(UPSTREAM_REGISTRIES) as [keyof typeof UPSTREAM_REGISTRIES];
const RegistryOverride = z
  .string()
  .regex(new RegExp(`^(${prefixes.join('|')})=[A-Za-z0-9.:-]+$`), `<${prefixes.join('|')}>=<host[:port]>`)
  .transform((value) => value.split('=') as [(typeof prefixes)[number], string]);

const Args = z.strictObject({
  out: z.string().min(1, '--out <file> is required'),
  environments: z
    .string()
    .default(Object.keys(ENVIRONMENTS).join(','))
    .transform((list) => list.split(','))
    .pipe(z.array(z.enum(Object.keys(ENVIRONMENTS) as [string, ...string[]])).min(1)),
  crane: z.string().min(1).optional(),
  registry: z.array(RegistryOverride).default([]),
  insecure: z.boolean().default(false),
});

async function main(): Promise<void> {
  let raw: unknown;
  try {
    raw = parseArgs({
      options: {
        out: { type: 'string' },
        environments: { type: 'string' },
        crane: { type: 'string' },
        registry: { type: 'string', multiple: true },
        insecure: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const parsed = Args.safeParse({ out: '', ...(raw as object) });
  if (!parsed.success) throw new UsageError(z.prettifyError(parsed.error));
  const args = parsed.data;
  const resolved = await resolveImageDigests({
    environments: args.environments,
    crane: args.crane ?? (await ensureCrane()).path,
    registries: Object.fromEntries(args.registry),
    insecure: args.insecure,
  });
  fs.writeFileSync(args.out, JSON.stringify(ImageDigestsFile.parse(resolved), null, 2) + '\n');
  console.log(`wrote ${args.out}: synthesize with -c saring:imageDigests=${args.out}`);
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  const usage = error instanceof UsageError;
  console.error(`npm run images:resolve: ${error instanceof Error ? error.message : String(error)}`);
  if (usage)
    console.error(
      'usage: npm run images:resolve -- --out <file> [--environments dev,prod] [--registry docker-hub=<host>] [--insecure]',
    );
  process.exit(usage ? 2 : 1);
});
