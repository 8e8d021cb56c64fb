import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { loadEnvironmentConfig } from '../config/load';
import {
  type ImageDigestsFile,
  ImageDigest,
  imageReference,
  pinnedImagesUsed,
} from '../constructs/images/image-digests';
import {
  type CachePrefix,
  KNOWN_DIGESTS,
  type PinnedImage,
  UPSTREAM_REGISTRIES,
} from '../constructs/images/pinned-images';
import { buildSaring, saringApp } from '../saring';

const run = promisify(execFile);

export interface ResolveOptions {
  readonly environments: readonly string[];
  /** The crane binary (toolchain/crane.ts builds the pinned one). */
  readonly crane: string;
  /** Registry host per cache prefix, in place of the upstream one (a mirror, or a local registry in tests). */
  readonly registries?: Partial<Record<CachePrefix, string>>;
  /** Plain HTTP to the registries (a local registry). */
  readonly insecure?: boolean;
  readonly log?: (line: string) => void;
}

/**
 * The pinned images the given environments' stacks run that have no reviewed digest, read from the constructs
 * themselves (nothing is synthesized, so no list can drift from what the stacks name).
 */
export function imagesToResolve(environments: readonly string[]): PinnedImage[] {
  const byReference = new Map<string, PinnedImage>();
  for (const environment of environments) {
    const app = saringApp();
    buildSaring(app, loadEnvironmentConfig({ environment }));
    for (const image of pinnedImagesUsed(app)) {
      const reference = imageReference(image);
      if (!KNOWN_DIGESTS[reference]) byReference.set(reference, image);
    }
  }
  return [...byReference.values()].sort((a, b) => imageReference(a).localeCompare(imageReference(b)));
}

async function craneDigest(options: ResolveOptions, image: PinnedImage): Promise<string> {
  const host = options.registries?.[image.prefix] ?? UPSTREAM_REGISTRIES[image.prefix].upstreamRegistryUrl;
  const ref = `${host}/${imageReference(image)}`;
  const args = ['digest', ref, ...(options.insecure ? ['--insecure'] : [])];
  let stdout: string;
  try {
    ({ stdout } = await run(options.crane, args, { timeout: 120_000 }));
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim() ?? (error as Error).message;
    throw new Error(
      `Cannot resolve ${ref}: ${stderr}\nCheck that the tag exists upstream and the registry is reachable (Docker Hub limits anonymous requests: \`crane auth login registry-1.docker.io\` first).`,
    );
  }
  const digest = ImageDigest.safeParse(stdout.trim());
  if (!digest.success) throw new Error(`crane answered "${stdout.trim()}" for ${ref}, not a sha256 digest.`);
  return digest.data;
}

/** Asks the registries what each unreviewed pinned tag points to now (the image index for multi-arch tags). */
export async function resolveImageDigests(options: ResolveOptions): Promise<ImageDigestsFile> {
  const log = options.log ?? console.log;
  const images = imagesToResolve(options.environments);
  log(`${images.length} image(s) of ${options.environments.join(', ')} without a reviewed digest`);
  const digests: Record<string, string> = {};
  for (const [index, image] of images.entries()) {
    const started = Date.now();
    const digest = await craneDigest(options, image);
    digests[imageReference(image)] = digest;
    log(
      `[${index + 1}/${images.length}] ${imageReference(image)} -> ${digest} (${((Date.now() - started) / 1000).toFixed(1)}s)`,
    );
  }
  const { stdout: version } = await run(options.crane, ['version']);
  return { resolvedAt: new Date().toISOString(), resolvedWith: `crane ${version.trim()}`, digests };
}
