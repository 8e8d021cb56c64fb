import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
const prettierBin = path.join(repoRoot, 'node_modules/prettier/bin/prettier.cjs');

/** Runs `prettier --check` as `npm run lint` does, with the project's config, on the given files. */
function prettierCheck(files: string[], ignorePath?: string) {
  const args = [prettierBin, '--check', ...(ignorePath ? ['--ignore-path', ignorePath] : []), ...files];
  return spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
}

describe('formatting is part of lint', () => {
  it('npm run lint runs prettier --check over the repository', () => {
    const scripts = (
      JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.lint).toMatch(/prettier --check \./);
  });

  it('refuses an unformatted file, naming it', () => {
    // Lint fixtures are in .prettierignore (they are wrong on purpose); an empty ignore file checks this one.
    const emptyIgnore = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'saring-prettier-')), 'none');
    fs.writeFileSync(emptyIgnore, '');
    const run = prettierCheck(['test/lint-fixtures/format/unformatted.ts'], emptyIgnore);
    expect(run.status).toBe(1);
    expect(run.stderr + run.stdout).toMatch(/unformatted\.ts/);
  });

  it('accepts the real code as it is committed', () => {
    const run = prettierCheck(['workflows', 'domain', 'api', 'cases', 'lib']);
    expect({ status: run.status, output: run.stderr }).toEqual({ status: 0, output: '' });
  });
});
