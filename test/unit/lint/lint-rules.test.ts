import { spawnSync } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
const eslintBin = path.join(repoRoot, 'node_modules/eslint/bin/eslint.js');

interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
}

/**
 * Lints files with the project's own config, in a child process (ESLint loads its flat config with a
 * dynamic import that jest's VM cannot run). Fixtures are ignored by `npm run lint`, so --no-ignore.
 */
function lint(files: string[], noIgnore: boolean): { file: string; messages: LintMessage[] }[] {
  const args = [eslintBin, '--format', 'json', ...(noIgnore ? ['--no-ignore'] : []), ...files];
  const run = spawnSync(process.execPath, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!run.stdout.trim().startsWith('[')) throw new Error(`eslint did not report JSON: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { filePath: string; messages: LintMessage[] }[]).map((r) => ({
    file: path.relative(repoRoot, r.filePath),
    messages: r.messages,
  }));
}

describe('lint rules that guard workflow determinism, promise handling and the layers', () => {
  let fixtureResults: ReturnType<typeof lint>;
  // One ESLint run for every fixture: type-aware linting starts slowly.
  beforeAll(() => {
    fixtureResults = lint(['test/lint-fixtures'], true);
  });
  const rulesOf = (fixture: string) =>
    fixtureResults.find((r) => r.file === `test/lint-fixtures/${fixture}`)!.messages.map((m) => m.ruleId);

  it('rejects each Node built-in imported in a workflow file', () => {
    const rules = rulesOf('workflows/imports-node-builtin.ts');
    expect(rules.filter((r) => r === '@typescript-eslint/no-restricted-imports')).toHaveLength(2);
  });

  it('rejects a runtime (non-type) import of activities in a workflow file', () => {
    expect(rulesOf('workflows/imports-activities-at-runtime.ts')).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
  });

  it('rejects a floating promise anywhere', () => {
    expect(rulesOf('floating-promise.ts')).toContain('@typescript-eslint/no-floating-promises');
  });

  it('rejects an import of infra/ from app code', () => {
    expect(rulesOf('api/imports-infra.ts')).toEqual(['import-x/no-restricted-paths']);
  });

  it('rejects an import of activities/ from client-side code', () => {
    expect(rulesOf('api/imports-activities.ts')).toEqual(['import-x/no-restricted-paths']);
  });

  it('rejects an import of an app folder from lib/', () => {
    expect(rulesOf('lib/imports-api.ts')).toEqual(['import-x/no-restricted-paths']);
  });

  it('rejects an import cycle, on both sides', () => {
    expect(rulesOf('cycle/first.ts')).toEqual(['import-x/no-cycle']);
    expect(rulesOf('cycle/second.ts')).toEqual(['import-x/no-cycle']);
  });

  it('finds no error in the real workflow and domain code', () => {
    const errors = lint(['workflows', 'domain'], false).flatMap((r) =>
      r.messages.filter((m) => m.severity === 2).map((m) => `${r.file}:${m.ruleId}`),
    );
    expect(errors).toEqual([]);
  });
});
