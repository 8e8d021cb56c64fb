import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { toolchainPaths, REPO_ROOT } from './paths';
import { requireProgram, runWithProgress } from './run-with-progress';
import type { ToolchainManifest } from './manifest';

/** cfn-lint and checkov for the synthesized templates, pinned, in their own virtualenv. */
export async function ensurePythonTools(): Promise<ToolchainManifest['pythonTools']> {
  const dir = toolchainPaths.pythonToolsDir;
  const cfnLint = path.join(dir, 'bin', 'cfn-lint');
  const checkov = path.join(dir, 'bin', 'checkov');
  const stamp = path.join(dir, '.installed');
  if (fs.existsSync(stamp) && fs.existsSync(cfnLint) && fs.existsSync(checkov)) return { cfnLint, checkov };

  const python = requireProgram(
    'python3',
    'install cfn-lint and checkov',
    'Python 3.9 or newer with venv (`apt-get install python3 python3-venv`).',
  );
  console.log('Installing cfn-lint and checkov from PyPI into a virtualenv (first run only, ~1-2 min)...');
  if (!fs.existsSync(path.join(dir, 'bin', 'python'))) {
    const venv = spawnSync(python, ['-m', 'venv', dir], { encoding: 'utf8' });
    if (venv.status !== 0)
      throw new Error(
        `python3 -m venv failed: ${venv.stderr}. Install the venv module (\`apt-get install python3-venv\`).`,
      );
  }
  await runWithProgress({
    label: 'python-tools',
    command: path.join(dir, 'bin', 'pip'),
    args: [
      'install',
      '--disable-pip-version-check',
      '-r',
      path.join(REPO_ROOT, 'toolchain/python/requirements.txt'),
    ],
    hint: 'check that PyPI is reachable (`pip download --no-deps cfn-lint`).',
  });
  fs.writeFileSync(stamp, new Date().toISOString());
  return { cfnLint, checkov };
}
