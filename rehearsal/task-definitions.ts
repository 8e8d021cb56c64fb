import { z } from 'zod';
import { composeProcessLine, imageOf, type ImageSpec } from './images';
import { parseSecretReference, type TemplateResolver } from './templates';

const ContainerDefinition = z.object({
  Name: z.string(),
  Image: z.unknown(),
  EntryPoint: z.array(z.string()).optional(),
  Command: z.array(z.string()).optional(),
  User: z.string().optional(),
  Environment: z.array(z.object({ Name: z.string(), Value: z.unknown() })).optional(),
  Secrets: z.array(z.object({ Name: z.string(), ValueFrom: z.unknown() })).optional(),
  PortMappings: z.array(z.object({ ContainerPort: z.number() })).optional(),
  HealthCheck: z
    .object({
      Command: z.array(z.string()),
      Interval: z.number().optional(),
      Retries: z.number().optional(),
      StartPeriod: z.number().optional(),
      Timeout: z.number().optional(),
    })
    .optional(),
});

export interface RehearsedContainer {
  readonly stack: string;
  readonly taskDefinitionId: string;
  readonly name: string;
  readonly image: ImageSpec;
  /** As ECS starts it: entryPoint (or the image's ENTRYPOINT) then command (or the image's CMD). */
  readonly processLine: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  /** Variable name → the secret and JSON key ECS reads it from. */
  readonly secrets: Readonly<Record<string, { secretName: string; field: string }>>;
  readonly ports: readonly number[];
  readonly healthCheck?: { command: readonly string[]; intervalSeconds: number; retries: number };
  readonly user?: string;
}

/** The container of a task definition, read from the synthesized template and resolved for the rehearsal. */
export function readContainer(
  resolver: TemplateResolver,
  stack: string,
  taskDefinitionId: string,
  containerName: string,
): RehearsedContainer {
  const resource = resolver.resource(stack, taskDefinitionId);
  if (resource.Type !== 'AWS::ECS::TaskDefinition')
    throw new Error(`${taskDefinitionId} is no task definition`);
  const containers = z.array(ContainerDefinition).parse(resource.Properties?.ContainerDefinitions);
  const container = containers.find((c) => c.Name === containerName);
  if (!container) throw new Error(`${taskDefinitionId} has no container ${containerName}`);
  const image = imageOf(resolver.resolve(stack, container.Image));
  const health = container.HealthCheck;
  return {
    stack,
    taskDefinitionId,
    name: container.Name,
    image,
    processLine: composeProcessLine(image, { entryPoint: container.EntryPoint, command: container.Command }),
    environment: Object.fromEntries(
      (container.Environment ?? []).map((e) => [e.Name, resolver.resolve(stack, e.Value)]),
    ),
    secrets: Object.fromEntries(
      (container.Secrets ?? []).map((s) => [
        s.Name,
        parseSecretReference(resolver.resolve(stack, s.ValueFrom)),
      ]),
    ),
    ports: (container.PortMappings ?? []).map((p) => p.ContainerPort),
    healthCheck: health
      ? { command: health.Command, intervalSeconds: health.Interval ?? 30, retries: health.Retries ?? 3 }
      : undefined,
    user: container.User,
  };
}

/** Logical ids of the task definitions in a stack whose container `containerName` exists, by family order. */
export function taskDefinitionsWith(
  resolver: TemplateResolver,
  stack: string,
  containerName: string,
): string[] {
  return Object.entries(resolver.template(stack).Resources)
    .filter(([, r]) => r.Type === 'AWS::ECS::TaskDefinition')
    .filter(([, r]) =>
      z
        .array(z.object({ Name: z.string() }).loose())
        .parse(r.Properties?.ContainerDefinitions)
        .some((c) => c.Name === containerName),
    )
    .map(([id]) => id);
}
