import { type CfnTemplate, resourcesOfType } from './synth';

export interface ContainerDefinition {
  Name: string;
  Image: unknown;
  Command?: string[];
  User?: string;
  ReadonlyRootFilesystem?: boolean;
  StopTimeout?: number;
  Privileged?: boolean;
  LinuxParameters?: { InitProcessEnabled?: boolean };
  Environment?: { Name: string; Value: unknown }[];
  Secrets?: { Name: string; ValueFrom: unknown }[];
  MountPoints?: { ContainerPath: string; ReadOnly: boolean; SourceVolume: string }[];
  PortMappings?: { ContainerPort: number }[];
  Essential?: boolean;
  DependsOn?: { ContainerName: string; Condition: string }[];
}

/** Every container definition of every task definition in a template. */
export function containersOf(template: CfnTemplate): ContainerDefinition[] {
  return resourcesOfType(template, 'AWS::ECS::TaskDefinition').flatMap(
    ([, td]) => (td.Properties?.ContainerDefinitions as ContainerDefinition[] | undefined) ?? [],
  );
}

export function envNames(container: ContainerDefinition): string[] {
  return (container.Environment ?? []).map((e) => e.Name);
}
