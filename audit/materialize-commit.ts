import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { installRoot } from './code-version';

export class UnknownCommitError extends Error {}

const git = (repo: string, args: string[]) =>
  execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * The `workflows/` folder of `commit`, extracted once (git archive) into a cache folder inside this
 * install, so the replayer's bundler resolves its packages from this install's node_modules.
 */
export function materializeWorkflows(
  repo: string,
  commit: string,
  options: { cacheRoot?: string; progress?: (line: string) => void } = {},
): string {
  const cacheRoot = options.cacheRoot ?? path.join(installRoot(), '.data', 'replay-code');
  const target = path.join(cacheRoot, commit);
  const workflows = path.join(target, 'workflows');
  if (fs.existsSync(workflows)) return workflows;
  try {
    git(repo, ['cat-file', '-e', `${commit}^{commit}`]);
  } catch {
    throw new UnknownCommitError(
      `commit ${commit} (the code that recorded the case) is not in the git repository ${repo}: run "git fetch origin" there (or name a clone that has it with --repo <dir>), or replay with --code current`,
    );
  }
  options.progress?.(`extracting workflows/ of commit ${commit} into ${target}`);
  fs.mkdirSync(cacheRoot, { recursive: true });
  const staging = fs.mkdtempSync(path.join(cacheRoot, `.${commit}-`));
  try {
    const tar = path.join(staging, 'code.tar');
    git(repo, ['archive', '--format=tar', '-o', tar, commit]);
    execFileSync('tar', ['-xf', tar, '-C', staging], { stdio: ['ignore', 'ignore', 'pipe'] });
    fs.rmSync(tar);
    if (!fs.existsSync(path.join(staging, 'workflows')))
      throw new UnknownCommitError(
        `commit ${commit} in ${repo} has no workflows/ folder: is it a Saring commit?`,
      );
    fs.renameSync(staging, target);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return workflows;
}
