import fs from 'node:fs';
import { Stack } from 'aws-cdk-lib';
import { type IConstruct } from 'constructs';
import { z } from 'zod';
import { KNOWN_DIGESTS, type PinnedImage } from './pinned-images';

/**
 * Digests resolved at deploy time. Where no reviewed digest is written in pinned-images.ts, the pipeline asks the
 * registry what each pinned tag points to (`npm run images:resolve`), once per pipeline run, and every stage
 * deploys from that one file: prod runs exactly the bytes dev ran, and a tag re-pushed upstream between two
 * deployments changes nothing until the next run resolves it again.
 */

/** CDK context naming the digest file: `-c saring:imageDigests=<image-digests.json>`. */
export const IMAGE_DIGESTS_CONTEXT = 'saring:imageDigests';

export const ImageDigest = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a digest: sha256 and 64 hex digits');
const IMAGE_REFERENCE = /^[a-z0-9][a-z0-9._/-]*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export const ImageDigestsFile = z.strictObject({
  resolvedAt: z.iso.datetime(),
  /** What asked the registries, e.g. `crane v0.22.1`. */
  resolvedWith: z.string().min(1),
  digests: z.record(z.string(), ImageDigest).superRefine((digests, ctx) => {
    // Checked here, not as the record's key schema: zod reports a bad key without saying what was expected.
    for (const reference of Object.keys(digests).filter((key) => !IMAGE_REFERENCE.test(key))) {
      ctx.addIssue({
        code: 'custom',
        path: [reference],
        message: 'each key must be repository:tag, e.g. temporalio/server:1.29.1',
      });
    }
  }),
});
export type ImageDigestsFile = z.infer<typeof ImageDigestsFile>;

export function imageReference(image: PinnedImage): string {
  return `${image.repository}:${image.tag}`;
}

interface AppImages {
  requireDigests: boolean;
  resolved: Readonly<Record<string, string>> | undefined;
  used: Map<string, PinnedImage>;
}

const appImages = new WeakMap<IConstruct, AppImages>();

function stateOf(scope: IConstruct): AppImages {
  const root = scope.node.root;
  let state = appImages.get(root);
  if (!state) {
    state = { requireDigests: false, resolved: readDigestsFile(root), used: new Map() };
    appImages.set(root, state);
  }
  return state;
}

function readDigestsFile(root: IConstruct): Readonly<Record<string, string>> | undefined {
  const file: unknown = root.node.tryGetContext(IMAGE_DIGESTS_CONTEXT);
  if (file === undefined) return undefined;
  if (typeof file !== 'string' || file === '') {
    throw new Error(
      `Context ${IMAGE_DIGESTS_CONTEXT} must name a file written by \`npm run images:resolve\`.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read the image digests ${file} (context ${IMAGE_DIGESTS_CONTEXT}): ${(error as Error).message}. Write it with \`npm run images:resolve -- --out ${file}\`.`,
    );
  }
  const parsed = ImageDigestsFile.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `The image digests ${file} are not valid: ${z.prettifyError(parsed.error)}. Write it again with \`npm run images:resolve\`.`,
    );
  }
  return parsed.data.digests;
}

/** Makes every stack of this app refuse to synthesize while any image it runs is named by tag alone. */
export function requireImageDigests(app: IConstruct, required: boolean): void {
  stateOf(app).requireDigests = required;
}

/**
 * The digest the task definition should name for a pinned image: the reviewed one in pinned-images.ts, else the
 * one resolved into the context's file, else none (a tag; refused at synth where digests are required).
 */
export function digestFor(scope: IConstruct, image: PinnedImage): string | undefined {
  const state = stateOf(scope);
  const reference = imageReference(image);
  state.used.set(reference, image);
  const known = KNOWN_DIGESTS[reference]?.digest;
  const resolved = state.resolved?.[reference];
  if (known && resolved && known !== resolved) {
    throw new Error(
      `${reference}: the registry now answers ${resolved}, not the reviewed ${known} (pinned-images.ts). The tag was re-pushed upstream: find out why before deploying, then update KNOWN_DIGESTS.`,
    );
  }
  const digest = known ?? resolved;
  if (!digest && state.requireDigests) {
    Stack.of(scope).node.addValidation({
      validate: () => [
        `${reference} is pinned by tag only, and this environment deploys images by digest only. Pass the digests the pipeline resolves: -c ${IMAGE_DIGESTS_CONTEXT}=<file from \`npm run images:resolve -- --out <file>\`>.`,
      ],
    });
  }
  return digest;
}

/** Every pinned image the app's constructs asked for so far, by repository:tag. */
export function pinnedImagesUsed(app: IConstruct): PinnedImage[] {
  return [...stateOf(app).used.values()];
}
