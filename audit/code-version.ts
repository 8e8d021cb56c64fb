import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AUDIT_ENV } from '../config/audit-env';

export const GitCommit = z
  .string()
  .regex(/^[0-9a-f]{40}$/, 'a full git commit id (40 lowercase hex digits, as git rev-parse HEAD prints)');

/**
 * The code that archived a run: the package version and git commit of the archiving worker, and the
 * build ids the run's own history names (the workflow bundles that recorded it). A run recorded by an
 * earlier deploy than the archiver's shows other build ids than that deploy's workers report.
 */
export const CodeVersion = z.strictObject({
  packageVersion: z.string().min(1),
  commit: GitCommit.nullable(),
  recordedBuildIds: z.array(z.string().min(1)),
});
export type CodeVersion = z.infer<typeof CodeVersion>;

export type RunningCode = Omit<CodeVersion, 'recordedBuildIds'>;

const INSTALL_ROOT = path.resolve(__dirname, '..');

/** Where this install's package.json and node_modules are (replayed code resolves its packages here). */
export const installRoot = () => INSTALL_ROOT;

function gitHead(): string | null {
  try {
    const head = execFileSync('git', ['-C', INSTALL_ROOT, 'rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return GitCommit.safeParse(head).success ? head : null;
  } catch {
    return null;
  }
}

/**
 * The running code's version: SARING_CODE_COMMIT (set by the image build) or, in a local checkout,
 * its git HEAD; null when neither is known.
 */
export function runningCodeVersion(env: NodeJS.ProcessEnv = process.env): RunningCode {
  const { version } = z
    .object({ version: z.string().min(1) })
    .parse(JSON.parse(fs.readFileSync(path.join(INSTALL_ROOT, 'package.json'), 'utf8')));
  const fromEnv = env[AUDIT_ENV.codeCommit];
  if (fromEnv) {
    const commit = GitCommit.safeParse(fromEnv);
    if (!commit.success)
      throw new Error(`${AUDIT_ENV.codeCommit}: ${commit.error.issues[0]?.message ?? 'invalid'}`);
    return { packageVersion: version, commit: commit.data };
  }
  return { packageVersion: version, commit: gitHead() };
}
