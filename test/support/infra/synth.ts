import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type CloudAssembly } from 'aws-cdk-lib/cx-api';
import { type ConfigSelection, loadEnvironmentConfig } from '../../../infra/config/load';
import { type EnvironmentConfig } from '../../../infra/config/schema';
import { IMAGE_DIGESTS_CONTEXT } from '../../../infra/constructs/images/image-digests';
import { buildSaring, saringApp, type SaringStacks } from '../../../infra/saring';
import { writeFixtureImageDigests } from './fixture-image-digests';

export type Concern = keyof SaringStacks;

export interface Synthesized {
  readonly config: EnvironmentConfig;
  readonly stacks: SaringStacks;
  readonly assembly: CloudAssembly;
  readonly outdir: string;
  template(concern: Concern): Template;
  /** The raw CloudFormation JSON of one stack. */
  json(concern: Concern): CfnTemplate;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResourceJson>;
  [section: string]: unknown;
}

export interface CfnResourceJson {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export const SELECTIONS = {
  devSelfHosted: { environment: 'dev' },
  devCloud: { environment: 'dev', temporalMode: 'cloud' },
  prodSelfHosted: { environment: 'prod' },
  prodCloud: { environment: 'prod', temporalMode: 'cloud' },
} as const satisfies Record<string, ConfigSelection>;

/**
 * Context the `cdk` CLI sets on every synth, so tests lint the same templates `cdk synth` writes. Analytics are
 * off: the CDK::Metadata resource changes with every CDK release and says nothing about Saring.
 */
const CLI_CONTEXT = { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': true };

/**
 * Synthesizes one app configuration exactly as `cdk synth` does (cdk-nag included) into a temp dir; `imageDigests`
 * names a digest file as `-c saring:imageDigests` does.
 */
export function synthesize(
  selection: ConfigSelection,
  outdir: string,
  options: { imageDigests?: string } = {},
): Synthesized {
  const config = loadEnvironmentConfig(selection);
  // Environments that deploy by digest only get stand-in digests unless given a file, as the pipeline passes one.
  const digestsFile =
    options.imageDigests ?? (config.images.requireDigests ? writeFixtureImageDigests(outdir) : undefined);
  const digests = digestsFile ? { [IMAGE_DIGESTS_CONTEXT]: digestsFile } : {};
  const app = saringApp({ outdir, analyticsReporting: false, context: { ...CLI_CONTEXT, ...digests } });
  const stacks = buildSaring(app, config);
  const assembly = app.synth();
  const templates = new Map<Concern, Template>();
  const stackOf = (concern: Concern): Stack => stacks[concern];
  return {
    config,
    stacks,
    assembly,
    outdir,
    template(concern) {
      let t = templates.get(concern);
      if (!t) {
        t = Template.fromJSON(this.json(concern));
        templates.set(concern, t);
      }
      return t;
    },
    json(concern) {
      return assembly.getStackByName(stackOf(concern).stackName).template as CfnTemplate;
    },
  };
}

/**
 * Registers one synthesis for the test file (before all tests, removed after). Call it once per configuration
 * at the top of a file and share the getter between its tests.
 */
export function useSynthesis(selection: ConfigSelection): () => Synthesized {
  let result: Synthesized | undefined;
  let outdir: string | undefined;
  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-infra-'));
    result = synthesize(selection, outdir);
  }, 180_000);
  afterAll(() => {
    if (outdir) fs.rmSync(outdir, { recursive: true, force: true });
  });
  return () => {
    if (!result) throw new Error('synthesis not ready: call the getter inside a test');
    return result;
  };
}

/** All resources of a type in a raw template, as [logicalId, resource] pairs. */
export function resourcesOfType(template: CfnTemplate, type: string): [string, CfnResourceJson][] {
  return Object.entries(template.Resources).filter(([, r]) => r.Type === type);
}

export const CONCERNS: readonly Concern[] = [
  'data',
  'network',
  'secrets',
  'temporal',
  'workers',
  'api',
  'observability',
];
