import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type IConstruct } from 'constructs';
import { readManifest } from '../../toolchain/manifest';
import { loadEnvironmentConfig } from '../../infra/config/load';
import { buildSaring, saringApp } from '../../infra/saring';
import { CONCERNS, SELECTIONS, type Synthesized, useSynthesis } from '../support/infra/synth';

const run = promisify(execFile);

const configurations: [string, () => Synthesized][] = [
  ['dev self-hosted', useSynthesis(SELECTIONS.devSelfHosted)],
  ['dev cloud', useSynthesis(SELECTIONS.devCloud)],
  ['prod self-hosted', useSynthesis(SELECTIONS.prodSelfHosted)],
  ['prod cloud', useSynthesis(SELECTIONS.prodCloud)],
];

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    conclusion: string;
    violations: { ruleName: string; severity: string }[];
  }[];
}

function validationReport(dir: string): ValidationReport {
  return JSON.parse(fs.readFileSync(path.join(dir, 'validation-report.json'), 'utf8')) as ValidationReport;
}

function acknowledgments(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          path: c.node.path,
          id,
          reason,
        })),
      ),
  );
}

describe('cdk-nag (AwsSolutions, 3.x validation plugin)', () => {
  it.each(configurations)(
    '%s: synthesizes with no unacknowledged finding, error or warning',
    (_label, synth) => {
      const report = validationReport(synth().assembly.directory);
      const findings = report.pluginReports.flatMap((p) =>
        p.violations.map((v) => `${p.pluginName}: ${v.ruleName} (${v.severity})`),
      );
      expect(findings).toEqual([]);
    },
  );

  it('every acknowledgment carries a specific reason; the list of acknowledged rules is reviewed here', () => {
    const acks = configurations.flatMap(([, synth]) => acknowledgments(synth().stacks.data.node.root));
    expect(acks.length).toBeGreaterThan(0);
    const vague = acks.filter((a) => a.reason.trim().length < 40);
    expect(vague).toEqual([]);
    const ids = [
      ...new Set(
        acks.map((a) =>
          a.id
            .replace(/^Annotation::/, '')
            .replace(/\d{12}/g, '<account>')
            .replace(/saring-(dev|prod)/g, 'saring-<env>'),
        ),
      ),
    ].sort();
    expect(ids).toMatchSnapshot();
  });

  it('reports a deliberately non-compliant bucket added to the real app, with its path', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-nag-'));
    try {
      const app = saringApp({ outdir, analyticsReporting: false });
      const stacks = buildSaring(app, loadEnvironmentConfig({ environment: 'dev', temporalMode: 'cloud' }));
      new Bucket(stacks.data, 'Unguarded');
      expect(() => app.synth()).toThrow(
        /AwsSolutions-S1[\s\S]*Saring-dev-Data\/Unguarded|Saring-dev-Data\/Unguarded[\s\S]*AwsSolutions-S1/,
      );
      const violations = validationReport(outdir).pluginReports.flatMap((p) =>
        p.violations.map((v) => v.ruleName),
      );
      expect(violations).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('lets an acknowledgment with a reason silence exactly that rule, nothing else', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-nag-'));
    try {
      const app = new App({ outdir, analyticsReporting: false });
      const stack = new Stack(app, 'Throwaway', {
        env: { account: '111111111111', region: 'ap-southeast-3' },
      });
      const bucket = new Bucket(stack, 'Bucket', { enforceSSL: true });
      Validations.of(bucket).acknowledge({
        id: 'AwsSolutions-S1',
        reason: 'Throwaway bucket in a test: no access logs wanted.',
      });
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      expect(() => app.synth()).not.toThrow();
      expect(validationReport(outdir).pluginReports.flatMap((p) => p.violations)).toEqual([]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('cfn-lint and checkov (pinned toolchain) on every synthesized template', () => {
  const tools = readManifest().pythonTools;
  let templatesDir = '';

  beforeAll(() => {
    templatesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-templates-'));
    for (const [label, synth] of configurations) {
      for (const concern of CONCERNS) {
        const file = path.join(templatesDir, `${label.replace(/ /g, '-')}-${concern}.template.json`);
        fs.writeFileSync(file, JSON.stringify(synth().json(concern), null, 1));
      }
    }
  }, 180_000);
  afterAll(() => fs.rmSync(templatesDir, { recursive: true, force: true }));

  it('cfn-lint reports nothing', async () => {
    const files = fs.readdirSync(templatesDir).map((f) => path.join(templatesDir, f));
    expect(files).toHaveLength(configurations.length * CONCERNS.length);
    let stdout: string;
    try {
      ({ stdout } = await run(tools.cfnLint, ['--format', 'json', '--', ...files], {
        maxBuffer: 64 * 1024 * 1024,
      }));
    } catch (err) {
      stdout = (err as { stdout?: string }).stdout ?? '';
      if (!stdout.trim().startsWith('[')) throw err;
    }
    const findings = (
      JSON.parse(stdout) as { Rule: { Id: string }; Message: string; Filename: string }[]
    ).map((f) => `${path.basename(f.Filename)} ${f.Rule.Id}: ${f.Message}`);
    expect(findings).toEqual([]);
  }, 180_000);

  it('checkov fails no check, and every skip it honours carries its reason', async () => {
    let stdout: string;
    const args = ['-d', templatesDir, '--framework', 'cloudformation', '--output', 'json', '--skip-download'];
    const env = { ...process.env, BC_SKIP_MAPPING: 'TRUE', CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: 'false' };
    try {
      ({ stdout } = await run(tools.checkov, args, { env, maxBuffer: 64 * 1024 * 1024 }));
    } catch (err) {
      stdout = (err as { stdout?: string }).stdout ?? '';
      if (!stdout.trim().startsWith('{')) throw err;
    }
    interface Check {
      check_id: string;
      resource: string;
      file_path: string;
      check_result: { result: string; suppress_comment?: string };
    }
    const result = JSON.parse(stdout) as {
      results: { failed_checks: Check[]; skipped_checks: Check[]; parsing_errors: string[] };
      summary: { passed: number; failed: number; resource_count: number };
    };
    expect(result.results.parsing_errors).toEqual([]);
    expect(result.results.failed_checks.map((c) => `${c.file_path} ${c.resource} ${c.check_id}`)).toEqual([]);
    // Not vacuous: every template was read and checked.
    expect(result.summary.resource_count).toBeGreaterThan(300);
    expect(result.summary.passed).toBeGreaterThan(1000);
    for (const skip of result.results.skipped_checks)
      expect({ id: skip.check_id, comment: (skip.check_result.suppress_comment ?? '').length > 30 }).toEqual({
        id: skip.check_id,
        comment: true,
      });
  }, 180_000);

  it('every cfn-lint ignore in the templates has its reason next to it', () => {
    for (const [, synth] of configurations) {
      for (const concern of CONCERNS) {
        for (const [id, resource] of Object.entries(synth().json(concern).Resources)) {
          const ignored =
            (resource.Metadata?.['cfn-lint'] as { config?: { ignore_checks?: string[] } } | undefined)?.config
              ?.ignore_checks ?? [];
          const reasons =
            (resource.Metadata?.['cfn-lint-reasons'] as Record<string, string> | undefined) ?? {};
          for (const rule of ignored)
            expect({ id, rule, reason: (reasons[rule] ?? '').length > 30 }).toEqual({
              id,
              rule,
              reason: true,
            });
        }
      }
    }
  });
});
