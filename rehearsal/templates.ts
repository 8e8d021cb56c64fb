import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** One synthesized CloudFormation template, as the cloud assembly wrote it. */
export const CfnTemplate = z.object({
  Resources: z.record(
    z.string(),
    z.object({
      Type: z.string(),
      Properties: z.record(z.string(), z.unknown()).optional(),
      DependsOn: z.union([z.string(), z.array(z.string())]).optional(),
    }),
  ),
  Outputs: z
    .record(z.string(), z.object({ Value: z.unknown(), Export: z.object({ Name: z.unknown() }).optional() }))
    .optional(),
});
export type CfnTemplate = z.infer<typeof CfnTemplate>;

export interface Assembly {
  readonly region: string;
  readonly account: string;
  /** Stack name → template. */
  readonly templates: ReadonlyMap<string, CfnTemplate>;
}

/** Reads every `*.template.json` of a cloud assembly directory (cdk.out). */
export function readAssembly(outdir: string, env: { region: string; account: string }): Assembly {
  const templates = new Map<string, CfnTemplate>();
  for (const file of fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json'))) {
    const parsed = CfnTemplate.safeParse(JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a CloudFormation template: ${parsed.error.message}`);
    templates.set(file.replace(/\.template\.json$/, ''), parsed.data);
  }
  if (templates.size === 0) throw new Error(`No templates in ${outdir}: did the synthesis run?`);
  return { ...env, templates };
}

/** Values the rehearsal gives to resource attributes that only exist once AWS has created the resource. */
export type AttributeStandIn = (
  resource: { stack: string; id: string; type: string },
  attribute: string,
) => string;

/**
 * Resolves the intrinsic functions a task definition uses (Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::ImportValue,
 * Fn::Select) against the synthesized templates. Secrets resolve to their ARN built from their Name, so an ECS
 * `valueFrom` names the secret the stack declares.
 */
export class TemplateResolver {
  constructor(
    private readonly assembly: Assembly,
    private readonly standIn: AttributeStandIn,
  ) {}

  resource(stack: string, id: string) {
    const resource = this.template(stack).Resources[id];
    if (!resource) throw new Error(`${stack} has no resource ${id}`);
    return resource;
  }

  template(stack: string): CfnTemplate {
    const template = this.assembly.templates.get(stack);
    if (!template) throw new Error(`No stack ${stack} in the assembly`);
    return template;
  }

  resolve(stack: string, value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'object' || value === null)
      throw new Error(`Cannot resolve ${JSON.stringify(value)}`);
    const [fn, arg] = Object.entries(value)[0] ?? [];
    switch (fn) {
      case 'Ref':
        return this.ref(stack, z.string().parse(arg));
      case 'Fn::GetAtt': {
        const [id, attribute] = z.tuple([z.string(), z.string()]).parse(arg);
        const resource = this.resource(stack, id);
        return this.standIn({ stack, id, type: resource.Type }, attribute);
      }
      case 'Fn::Join': {
        const [separator, parts] = z.tuple([z.string(), z.array(z.unknown())]).parse(arg);
        return parts.map((part) => this.resolve(stack, part)).join(separator);
      }
      case 'Fn::Select': {
        const [index, list] = z.tuple([z.coerce.number(), z.unknown()]).parse(arg);
        const items = Array.isArray(list) ? list.map((item) => this.resolve(stack, item)) : [];
        const item = items[index];
        if (item === undefined) throw new Error(`Fn::Select ${index} out of range`);
        return item;
      }
      case 'Fn::Sub': {
        const template = typeof arg === 'string' ? arg : z.tuple([z.string(), z.unknown()]).parse(arg)[0];
        return template.replace(/\$\{([^}]+)\}/g, (_, name: string) =>
          name.includes('.')
            ? this.resolve(stack, { 'Fn::GetAtt': name.split('.', 2) })
            : this.ref(stack, name),
        );
      }
      case 'Fn::ImportValue':
        return this.importValue(this.resolve(stack, arg));
      default:
        throw new Error(`The rehearsal cannot resolve ${fn} (in ${stack}): ${JSON.stringify(value)}`);
    }
  }

  /** Logical ids a resource depends on: DependsOn plus every Ref and GetAtt in its properties. */
  dependenciesOf(stack: string, id: string): Set<string> {
    const resource = this.resource(stack, id);
    const found = new Set<string>([resource.DependsOn ?? []].flat());
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (typeof value !== 'object' || value === null) return;
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'Ref' && typeof inner === 'string' && !inner.startsWith('AWS::')) found.add(inner);
        else if (key === 'Fn::GetAtt' && Array.isArray(inner)) found.add(String(inner[0]));
        else walk(inner);
      }
    };
    walk(resource.Properties);
    return found;
  }

  /** Whether `id` (transitively, within its stack) waits for a resource of `type`. */
  waitsFor(stack: string, id: string, accept: (otherId: string, type: string) => boolean): boolean {
    const seen = new Set<string>();
    const queue = [id];
    while (queue.length > 0) {
      const next = queue.pop()!;
      for (const dependency of this.dependenciesOf(stack, next)) {
        if (seen.has(dependency) || !this.template(stack).Resources[dependency]) continue;
        seen.add(dependency);
        if (accept(dependency, this.resource(stack, dependency).Type)) return true;
        queue.push(dependency);
      }
    }
    return false;
  }

  private ref(stack: string, name: string): string {
    switch (name) {
      case 'AWS::Region':
        return this.assembly.region;
      case 'AWS::AccountId':
        return this.assembly.account;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return stack;
    }
    const resource = this.resource(stack, name);
    if (resource.Type === 'AWS::SecretsManager::Secret') {
      const secretName = resource.Properties?.Name ?? `${stack}-${name}`;
      return `arn:aws:secretsmanager:${this.assembly.region}:${this.assembly.account}:secret:${this.resolve(stack, secretName)}`;
    }
    if (resource.Type === 'AWS::SecretsManager::SecretTargetAttachment') {
      return this.resolve(stack, resource.Properties?.SecretId);
    }
    return this.standIn({ stack, id: name, type: resource.Type }, 'Ref');
  }

  private importValue(exportName: string): string {
    for (const [stack, template] of this.assembly.templates) {
      for (const output of Object.values(template.Outputs ?? {})) {
        if (output.Export && this.resolve(stack, output.Export.Name) === exportName) {
          return this.resolve(stack, output.Value);
        }
      }
    }
    throw new Error(`No stack exports ${exportName}`);
  }
}

/** Splits an ECS secret `valueFrom` (`<secret ARN>:<json key>::`) into the secret's name and the key. */
export function parseSecretReference(valueFrom: string): { secretName: string; field: string } {
  const match = /^arn:aws:secretsmanager:[^:]+:\d+:secret:(.+?):([^:]+)::$/.exec(valueFrom);
  if (!match) {
    throw new Error(
      `Secret reference ${valueFrom} is not "<secret ARN>:<json key>::": a whole-secret reference hands the container JSON, not a value.`,
    );
  }
  return { secretName: match[1]!, field: match[2]! };
}
