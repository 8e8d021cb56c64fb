import path from 'node:path';

/**
 * What each pinned image runs when a task definition does not say otherwise: its Dockerfile ENTRYPOINT, CMD,
 * WORKDIR and the files it ships under /etc/temporal. Read from temporalio/docker-builds at DOCKER_BUILDS_COMMIT
 * (server.Dockerfile target `server`, admin-tools.Dockerfile, docker/entrypoint.sh, docker/start-temporal.sh,
 * copied verbatim into rehearsal/images/temporalio-server/). The config template and schema files come from the
 * go.temporal.io/server module at the same version, which is where the images copy them from (the `temporal`
 * submodule). test/rehearsal/images.test.ts checks the table against the versions the infra pins.
 */
export const DOCKER_BUILDS_COMMIT = 'afc6c1a5d9d550bb7917213f615e88cd43b4c676';

export interface ImageSpec {
  /** Repository without the tag, as the task definition names it. */
  readonly repository: string;
  /** The tag the table was read for; the rehearsal refuses a template that pins another one. */
  readonly tag: string;
  readonly entryPoint: readonly string[];
  readonly command: readonly string[];
  readonly workingDirectory: string;
}

export const IMAGE_DIR = path.join(__dirname, 'images');

export const PINNED_IMAGES = {
  server: {
    repository: 'temporalio/server',
    tag: '1.29.1',
    entryPoint: ['/etc/temporal/entrypoint.sh'],
    command: [],
    workingDirectory: '/etc/temporal',
  },
  adminTools: {
    repository: 'temporalio/admin-tools',
    tag: '1.29.1-tctl-1.18.4-cli-1.5.0',
    // "Keep the container running." (admin-tools.Dockerfile): any `command` becomes arguments of sleep.
    entryPoint: ['tini', '--', 'sleep', 'infinity'],
    command: [],
    workingDirectory: '/etc/temporal',
  },
  /** This repository's Dockerfile, target `runtime`. */
  app: {
    repository: 'saring-app',
    tag: 'asset',
    entryPoint: ['node', '--import', 'tsx'],
    command: ['workers/main.ts'],
    workingDirectory: '/app',
  },
} as const satisfies Record<string, ImageSpec>;

export type ImageName = keyof typeof PINNED_IMAGES;

/**
 * The process line ECS starts: the task definition's entryPoint replaces the image's ENTRYPOINT, its command
 * replaces CMD; a command without an entryPoint is appended to the image's ENTRYPOINT (Docker semantics).
 */
export function composeProcessLine(
  image: ImageSpec,
  task: { entryPoint?: readonly string[]; command?: readonly string[] },
): string[] {
  const entryPoint = task.entryPoint ?? image.entryPoint;
  // Docker: setting ENTRYPOINT without CMD clears the image's CMD.
  const command = task.command ?? (task.entryPoint ? [] : image.command);
  return [...entryPoint, ...command];
}

/** The pinned image a task definition's Image names, or a clear error when the rehearsal has no entry for it. */
export function imageOf(image: string): ImageSpec {
  // The CDK asset repository holds this repository's own image (infra/image.ts).
  if (/\/cdk-[a-z0-9]+-container-assets-/.test(image)) return PINNED_IMAGES.app;
  const withoutDigest = image.split('@')[0]!;
  const registryless = withoutDigest.replace(/^[^/]+\.amazonaws\.com\/[^/]+\//, '');
  const [repository, tag] = registryless.split(':');
  const spec = Object.values(PINNED_IMAGES).find((s) => s.repository === repository);
  if (!spec)
    throw new Error(`The rehearsal has no pinned entry for image ${image}: add it to rehearsal/images.ts.`);
  if (spec.tag !== tag) {
    throw new Error(
      `The template pins ${repository}:${tag} but rehearsal/images.ts was read for ${spec.tag}: re-read the image's Dockerfile at that tag and update the table.`,
    );
  }
  return spec;
}
