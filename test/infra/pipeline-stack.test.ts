import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildPipelineApp } from '../../infra/pipeline/pipeline-app';
import { readManifest } from '../../toolchain/manifest';
import { TOOLCHAIN_VERSIONS } from '../../toolchain/versions';
import { type CfnTemplate, resourcesOfType } from '../support/infra/synth';

const run = promisify(execFile);

interface Stage {
  Name: string;
  Actions: { Name: string; RunOrder?: number; ActionTypeId: { Category: string; Provider: string } }[];
}

describe('deployment pipeline in code (issue 11, item 4)', () => {
  let outdir = '';
  let template: CfnTemplate;
  let templateFile = '';

  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-pipeline-'));
    const { app, stack } = buildPipelineApp({ outdir, analyticsReporting: false });
    // cdk-nag (AwsSolutions) runs as a validation plugin: any unacknowledged finding throws here.
    const assembly = app.synth();
    template = assembly.getStackByName(stack.stackName).template as CfnTemplate;
    templateFile = path.join(outdir, `${stack.artifactId}.template.json`);
  }, 120_000);
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('source, checks and image scan in parallel, dev, then a manual approval before prod', () => {
    const pipelines = resourcesOfType(template, 'AWS::CodePipeline::Pipeline');
    expect(pipelines).toHaveLength(1);
    const pipeline = pipelines[0]![1] as unknown as { Properties: { Stages: Stage[] } };
    const stages = pipeline.Properties.Stages.map((s) => ({
      name: s.Name,
      actions: s.Actions.map((a) => `${a.RunOrder ?? 1}:${a.ActionTypeId.Category}:${a.Name}`),
    }));
    expect(stages).toEqual([
      { name: 'Source', actions: ['1:Source:Source'] },
      { name: 'Check', actions: ['1:Build:Checks', '1:Build:ImageScan', '1:Build:ImageDigests'] },
      { name: 'Deploy-dev', actions: ['1:Build:Deploy-dev'] },
      { name: 'Deploy-prod', actions: ['1:Approval:Approve-prod', '2:Build:Deploy-prod'] },
    ]);
  });

  it('the checks run lint, typecheck and the infra tests (cdk-nag, cfn-lint, checkov); the image step fails on HIGH/CRITICAL findings', () => {
    const projects = resourcesOfType(template, 'AWS::CodeBuild::Project').map(([, p]) => p.Properties!);
    const spec = (description: RegExp) =>
      String(
        (projects.find((p) => description.test(String(p.Description)))!.Source as { BuildSpec: string })
          .BuildSpec,
      );
    const checks = spec(/lint, typecheck/);
    for (const command of ['npm run lint', 'npm run typecheck', 'npx jest --selectProjects unit infra'])
      expect(checks).toContain(command);
    const image = spec(/ECR scan/);
    expect(image).toContain('aws ecr wait image-scan-complete');
    expect(image).toContain("'CRITICAL','HIGH'");
    expect(image).toContain('test \\"$COUNT\\" = \\"0\\"');
    const repositories = resourcesOfType(template, 'AWS::ECR::Repository');
    expect(repositories).toHaveLength(1);
    const repository = repositories[0]![1];
    expect(repository.Properties).toMatchObject({
      ImageScanningConfiguration: { ScanOnPush: true },
      ImageTagMutability: 'IMMUTABLE',
    });
  });

  it('every deploy takes the digests one action resolved (prod deploys exactly the images dev ran)', () => {
    const pipeline = resourcesOfType(template, 'AWS::CodePipeline::Pipeline')[0]![1] as unknown as {
      Properties: {
        Stages: {
          Actions: {
            Name: string;
            InputArtifacts?: { Name: string }[];
            OutputArtifacts?: { Name: string }[];
          }[];
        }[];
      };
    };
    const actions = pipeline.Properties.Stages.flatMap((s) => s.Actions);
    const resolve = actions.find((a) => a.Name === 'ImageDigests')!;
    expect(resolve.OutputArtifacts).toEqual([{ Name: 'ImageDigests' }]);
    const deploys = actions.filter((a) => a.Name.startsWith('Deploy-'));
    expect(deploys.map((d) => d.Name)).toEqual(['Deploy-dev', 'Deploy-prod']);
    for (const deploy of deploys) {
      expect(deploy.InputArtifacts).toEqual([{ Name: 'Source' }, { Name: 'ImageDigests' }]);
    }

    const projects = resourcesOfType(template, 'AWS::CodeBuild::Project').map(([, p]) => p.Properties!);
    const spec = (description: RegExp) =>
      JSON.parse(
        String(
          (projects.find((p) => description.test(String(p.Description)))!.Source as { BuildSpec: string })
            .BuildSpec,
        ),
      ) as { phases: { build: { commands: string[] } }; artifacts?: { files: string[] } };
    const resolveSpec = spec(/resolve the pinned third-party image tags/);
    expect(resolveSpec.phases.build.commands.join('\n')).toContain(
      `go install ${TOOLCHAIN_VERSIONS.crane.module}@${TOOLCHAIN_VERSIONS.crane.version}`,
    );
    expect(resolveSpec.phases.build.commands.join('\n')).toMatch(
      /npm run images:resolve -- .*--environments dev,prod --out image-digests\.json/,
    );
    expect(resolveSpec.artifacts).toEqual({ files: ['image-digests.json'] });
    for (const stage of ['dev', 'prod']) {
      expect(spec(new RegExp(`cdk deploy ${stage}`)).phases.build.commands).toEqual([
        `npx cdk deploy --all --require-approval never -c saring:environment=${stage} -c saring:imageDigests="$CODEBUILD_SRC_DIR_ImageDigests/image-digests.json"`,
      ]);
    }
  });

  it('passes cfn-lint and checkov like the estate templates', async () => {
    const tools = readManifest().pythonTools;
    const lint = await run(tools.cfnLint, ['--format', 'parseable', '--', templateFile]).then(
      (r) => r.stdout,
      (err: { stdout?: string; message?: string }) => err.stdout ?? err.message ?? 'cfn-lint failed',
    );
    expect(lint.trim()).toBe('');
    let stdout: string;
    try {
      ({ stdout } = await run(
        tools.checkov,
        ['-f', templateFile, '--framework', 'cloudformation', '--output', 'json', '--skip-download'],
        { env: { ...process.env, BC_SKIP_MAPPING: 'TRUE' }, maxBuffer: 16 * 1024 * 1024 },
      ));
    } catch (err) {
      stdout = (err as { stdout?: string }).stdout ?? '';
    }
    const result = JSON.parse(stdout) as {
      results: { failed_checks: { check_id: string; resource: string }[] };
      summary: { passed: number };
    };
    expect(result.results.failed_checks.map((c) => `${c.resource} ${c.check_id}`)).toEqual([]);
    expect(result.summary.passed).toBeGreaterThan(100);
  }, 300_000);
});
