import { z } from 'zod';
import { type TemplateResolver } from './templates';
import { readContainer, type RehearsedContainer } from './task-definitions';

/** The pieces of the synthesized self-hosted estate the rehearsal runs, found in the templates by type. */
export interface Estate {
  readonly temporalStack: string;
  readonly database: {
    readonly clusterId: string;
    readonly endpoint: string;
    readonly port: number;
    /** Whether the schema run waits (transitively) for the writer DB instance, not just the cluster. */
    readonly schemaWaitsForWriter: boolean;
  };
  readonly schemaTask: RehearsedContainer;
  readonly namespaceTasks: readonly RehearsedContainer[];
  /** Temporal roles in the order ECS services are declared (frontend, history, matching, worker). */
  readonly servers: readonly RehearsedContainer[];
  /** Cloud Map name → the container whose service registers it. */
  readonly serviceNames: Readonly<Record<string, string>>;
  readonly worker: RehearsedContainer;
  /** The fetcher (workers/fetcher-main.ts): its own task definition in the workers stack. */
  readonly fetcher: RehearsedContainer;
  readonly api: RehearsedContainer;
  /** The load balancer's health check path for the API targets. */
  readonly apiHealthPath: string;
}

const TaskDefRef = z.object({ Ref: z.string() });

function resourcesOf(resolver: TemplateResolver, stack: string, type: string) {
  return Object.entries(resolver.template(stack).Resources).filter(([, r]) => r.Type === type);
}

function stackWith(resolver: TemplateResolver, stacks: Iterable<string>, type: string): string {
  const found = [...stacks].find((stack) => resourcesOf(resolver, stack, type).length > 0);
  if (!found) throw new Error(`No stack declares a ${type}: is this the self-hosted estate?`);
  return found;
}

/** The one application container (not the telemetry sidecar) of the first ECS service in a stack. */
function serviceContainer(
  resolver: TemplateResolver,
  stack: string,
  containerName: string,
): RehearsedContainer {
  for (const [, service] of resourcesOf(resolver, stack, 'AWS::ECS::Service')) {
    const taskDefinitionId = TaskDefRef.parse(service.Properties?.TaskDefinition).Ref;
    const containers = z
      .array(z.object({ Name: z.string() }).loose())
      .parse(resolver.resource(stack, taskDefinitionId).Properties?.ContainerDefinitions);
    if (containers.some((c) => c.Name === containerName)) {
      return readContainer(resolver, stack, taskDefinitionId, containerName);
    }
  }
  throw new Error(`No ECS service in ${stack} runs a container named ${containerName}`);
}

export function findEstate(resolver: TemplateResolver, stacks: readonly string[]): Estate {
  const temporalStack = stackWith(resolver, stacks, 'AWS::RDS::DBCluster');
  const [clusterId, cluster] = resourcesOf(resolver, temporalStack, 'AWS::RDS::DBCluster')[0]!;
  const endpoint = resolver.resolve(temporalStack, { 'Fn::GetAtt': [clusterId, 'Endpoint.Address'] });
  const port = z.coerce
    .number()
    .int()
    .parse(cluster.Properties?.Port ?? 5432);

  // Deploy-time runs: the schema run is the one the server services wait for; the others come after them.
  const runs = resourcesOf(resolver, temporalStack, 'Custom::RunTaskToCompletion');
  const services = resourcesOf(resolver, temporalStack, 'AWS::ECS::Service');
  const isService = (_id: string, type: string) => type === 'AWS::ECS::Service';
  const schemaRuns = runs.filter(([id]) => !resolver.waitsFor(temporalStack, id, isService));
  const laterRuns = runs.filter(([id]) => resolver.waitsFor(temporalStack, id, isService));
  if (schemaRuns.length !== 1) {
    throw new Error(
      `Expected one deploy-time run before the servers (the schema), found ${schemaRuns.length}`,
    );
  }
  const [schemaRunId, schemaRun] = schemaRuns[0]!;
  const runContainer = (run: (typeof runs)[number][1]) => {
    const taskDefinitionId = TaskDefRef.parse(run.Properties?.TaskDefinition).Ref;
    const containers = z
      .array(z.object({ Name: z.string() }).loose())
      .parse(resolver.resource(temporalStack, taskDefinitionId).Properties?.ContainerDefinitions);
    return readContainer(resolver, temporalStack, taskDefinitionId, containers[0]!.Name);
  };

  const servers = services.map(([, service]) => {
    const taskDefinitionId = TaskDefRef.parse(service.Properties?.TaskDefinition).Ref;
    const containers = z
      .array(z.object({ Name: z.string() }).loose())
      .parse(resolver.resource(temporalStack, taskDefinitionId).Properties?.ContainerDefinitions);
    const main = containers.find((c) => ['frontend', 'history', 'matching', 'worker'].includes(c.Name));
    if (!main) throw new Error(`Service task ${taskDefinitionId} runs no Temporal role`);
    return readContainer(resolver, temporalStack, taskDefinitionId, main.Name);
  });

  const serviceNames: Record<string, string> = {};
  for (const [, service] of services) {
    const registries = z
      .array(z.object({ RegistryArn: z.unknown(), ContainerName: z.string().optional() }).loose())
      .optional()
      .parse(service.Properties?.ServiceRegistries);
    for (const registry of registries ?? []) {
      const cloudMapId = z
        .object({ 'Fn::GetAtt': z.tuple([z.string(), z.string()]) })
        .parse(registry.RegistryArn)['Fn::GetAtt'][0];
      const cloudMap = resolver.resource(temporalStack, cloudMapId).Properties ?? {};
      const namespaceId = z
        .object({ 'Fn::GetAtt': z.tuple([z.string(), z.string()]) })
        .parse(z.object({ NamespaceId: z.unknown() }).loose().parse(cloudMap.DnsConfig).NamespaceId)[
        'Fn::GetAtt'
      ][0];
      const dnsName = `${String(cloudMap.Name)}.${String(resolver.resource(temporalStack, namespaceId).Properties?.Name)}`;
      const taskDefinitionId = TaskDefRef.parse(service.Properties?.TaskDefinition).Ref;
      serviceNames[dnsName] = servers.find((s) => s.taskDefinitionId === taskDefinitionId)!.name;
    }
  }

  const workersStack = stacks.find((s) => s.toLowerCase().endsWith('workers'));
  const apiStack = stacks.find((s) => s.toLowerCase().endsWith('-api'));
  if (!workersStack || !apiStack) throw new Error('No Workers or Api stack in the assembly');
  const targetGroup = resourcesOf(resolver, apiStack, 'AWS::ElasticLoadBalancingV2::TargetGroup').find(
    ([id]) => id.startsWith('LoadBalancerHttpsApiTargets') || id.includes('ApiTargets'),
  );
  return {
    temporalStack,
    database: {
      clusterId,
      endpoint,
      port,
      schemaWaitsForWriter: resolver.waitsFor(
        temporalStack,
        schemaRunId,
        (_id, type) => type === 'AWS::RDS::DBInstance',
      ),
    },
    schemaTask: runContainer(schemaRun),
    namespaceTasks: laterRuns.map(([, run]) => runContainer(run)),
    servers,
    serviceNames,
    worker: serviceContainer(resolver, workersStack, 'worker'),
    fetcher: serviceContainer(resolver, workersStack, 'fetcher'),
    api: serviceContainer(resolver, apiStack, 'api'),
    apiHealthPath: z.string().default('/').parse(targetGroup?.[1].Properties?.HealthCheckPath),
  };
}
