import path from 'node:path';
import { IgnoreMode } from 'aws-cdk-lib';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import { ContainerImage } from 'aws-cdk-lib/aws-ecs';

/** The repository root: the build context of the one image that runs both the worker and the API. */
export const REPO_ROOT = path.resolve(__dirname, '..');

/**
 * Kept out of the build context (and so out of the asset hash): dependencies are installed inside the image;
 * tooling, tests and docs never run in it. `.dockerignore` lists the same entries for plain `docker build`.
 */
export const IMAGE_CONTEXT_EXCLUDES = [
  'node_modules',
  '**/node_modules',
  '.toolchain',
  '.data',
  'cdk.out',
  '.git',
  'coverage',
  'dist',
  'test',
  'docs',
  '*.log',
  '.env',
  '.env.*',
  // The CDK app stays out (so infra changes do not rebuild the image); the app never imports it.
  'infra/**',
] as const;

/** Entry files the image runs, chosen by the container command. */
export const ENTRYPOINTS = {
  worker: 'workers/main.ts',
  fetcher: 'workers/fetcher-main.ts',
  api: 'api/main.ts',
  /** Deploy-time task, Temporal Cloud mode: registers the case search attributes through the Cloud Ops API. */
  registerCloudSearchAttributes: 'workers/register-cloud-search-attributes-main.ts',
} as const;

/** Built at deploy time (synth only stages the context); the same hash serves the worker and API stacks. */
export function appImage(): ContainerImage {
  return ContainerImage.fromAsset(REPO_ROOT, {
    file: 'Dockerfile',
    target: 'runtime',
    exclude: [...IMAGE_CONTEXT_EXCLUDES],
    ignoreMode: IgnoreMode.DOCKER,
    platform: Platform.LINUX_AMD64,
  });
}
