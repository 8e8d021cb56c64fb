/**
 * Every third-party image the estate runs, pulled through this account's ECR pull-through cache (never
 * anonymously from the upstream registry at task start) and pinned by digest: reviewed here where the digest for
 * the pinned tag is known from a source we can name, else resolved by the pipeline (image-digests.ts). A digest is
 * immutable: a re-pushed tag can never change what runs.
 */

/** The upstream registries the cache mirrors, by the ECR repository prefix their images are cached under. */
export const UPSTREAM_REGISTRIES = {
  'docker-hub': { upstreamRegistryUrl: 'registry-1.docker.io', needsCredential: true },
  'ecr-public': { upstreamRegistryUrl: 'public.ecr.aws', needsCredential: false },
} as const;
export type CachePrefix = keyof typeof UPSTREAM_REGISTRIES;

export interface PinnedImage {
  readonly prefix: CachePrefix;
  /** Repository in the upstream registry, e.g. temporalio/server. */
  readonly repository: string;
  readonly tag: string;
}

export interface KnownDigest {
  /** sha256 of the image index (multi-arch manifest list) the tag pointed to. */
  readonly digest: string;
  /** Where the digest was read, so a reviewer can check it. */
  readonly source: string;
}

/**
 * Digests by `repository:tag`. Only digests found in at least two independent public sources are listed: a wrong
 * digest fails the deploy (the pull is refused), so a guess is worse than a tag.
 */
export const KNOWN_DIGESTS: Readonly<Record<string, KnownDigest>> = {
  'aws-observability/aws-otel-collector:v0.49.0': {
    digest: 'sha256:d2bdfff2c377c3d71d78bd5d9ce9862fd535b12134a5739d87a07801297cf9fd',
    source:
      'GOV.UK Pay ADOT sidecar Dockerfile (amazon/aws-otel-collector:v0.49.0@…) and an independent Terraform module (public.ecr.aws/…:v0.49.0@…, "OCI index digest for amd64 and arm64")',
  },
};

/**
 * Pinned tags whose digest is not yet known from a checkable source (no network access to the registries when
 * this was written). The pipeline resolves them at deploy time (image-digests.ts), and prod refuses to
 * synthesize without that; a local dev synth names them by tag. Once a digest is checked, move it to
 * KNOWN_DIGESTS; test/infra/pinned-images.test.ts keeps this list exact.
 */
export const DIGEST_UNKNOWN: readonly string[] = [
  'temporalio/server:1.29.1',
  'temporalio/admin-tools:1.29.1-tctl-1.18.4-cli-1.5.0',
  'temporalio/ui:2.42.1',
];
