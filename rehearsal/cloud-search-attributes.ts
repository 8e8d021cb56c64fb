import { spawn } from 'node:child_process';
import path from 'node:path';
import { CLOUD_OPS_ENV } from '../config/temporal-cloud-ops';
import { REPO_ROOT } from '../toolchain/paths';
import { PINNED_IMAGES } from './images';
import { declaredSecrets } from './secrets';
import { readContainer, taskDefinitionsWith, type RehearsedContainer } from './task-definitions';
import { type TemplateResolver } from './templates';

/** The registration task's container name (infra/constructs/temporal/cloud-search-attributes.ts). */
export const REGISTRATION_CONTAINER = 'register-search-attributes';

export interface RegistrationTask {
  readonly container: RehearsedContainer;
  /** Logical id of the Custom::RunTaskToCompletion that runs it. */
  readonly runId: string;
  /** Logical ids of the ECS services that wait for that run. */
  readonly servicesAfterRun: readonly string[];
  /** The JSON keys the Cloud Ops API key secret declares. */
  readonly secretKeys: readonly string[];
}

/** The Temporal Cloud registration task of the Workers stack, read from the synthesized template. */
export function findRegistrationTask(
  resolver: TemplateResolver,
  stack: string,
  allStacks: readonly string[],
): RegistrationTask {
  const [taskDefinitionId, ...others] = taskDefinitionsWith(resolver, stack, REGISTRATION_CONTAINER);
  if (!taskDefinitionId || others.length > 0) {
    throw new Error(
      `${stack} must hold exactly one task definition with container ${REGISTRATION_CONTAINER}`,
    );
  }
  const container = readContainer(resolver, stack, taskDefinitionId, REGISTRATION_CONTAINER);
  const resources = resolver.template(stack).Resources;
  const runs = Object.entries(resources).filter(
    ([, r]) =>
      r.Type === 'Custom::RunTaskToCompletion' &&
      JSON.stringify(r.Properties?.TaskDefinition) === JSON.stringify({ Ref: taskDefinitionId }),
  );
  if (runs.length !== 1) throw new Error(`${stack}: ${runs.length} deploy-time runs of ${taskDefinitionId}`);
  const runId = runs[0]![0];
  const servicesAfterRun = Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::ECS::Service')
    .filter(([, r]) => [r.DependsOn ?? []].flat().includes(runId))
    .map(([id]) => id);
  const secret = container.secrets[CLOUD_OPS_ENV.apiKey];
  if (!secret) throw new Error(`${REGISTRATION_CONTAINER} reads no ${CLOUD_OPS_ENV.apiKey} secret`);
  const declared = declaredSecrets(resolver, allStacks).find((s) => s.name === secret.secretName);
  if (!declared)
    throw new Error(`${CLOUD_OPS_ENV.apiKey} reads ${secret.secretName}, which no stack declares`);
  return { container, runId, servicesAfterRun, secretKeys: declared.keys };
}

/**
 * Runs the registration container's process line as ECS composes it (the app image's ENTRYPOINT and the task's
 * command) with exactly its template environment and secrets, in the image's WORKDIR (this checkout), and only
 * the Cloud Ops API URL replaced by a stand-in's. Resolves with the exit code and the output.
 */
export function runRegistrationTask(
  task: RegistrationTask,
  secrets: Readonly<Record<string, string>>,
  cloudOpsUrl: string,
): Promise<{ code: number | null; output: string }> {
  const { container } = task;
  if (container.image !== PINNED_IMAGES.app) throw new Error(`${container.name} does not run the app image`);
  const [command, ...args] = container.processLine;
  const env = {
    // The image's own ENV (Dockerfile `runtime`) and PATH; nothing from this shell.
    PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
    NODE_ENV: 'production',
    ...container.environment,
    ...secrets,
    [CLOUD_OPS_ENV.url]: cloudOpsUrl,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(command === 'node' ? process.execPath : command!, args, {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
