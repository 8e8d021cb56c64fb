import { execFile } from 'node:child_process';
import path from 'node:path';
import type { ApiTestEnv, OfficerKey } from '../api/api-test-kit';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface SaringRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The `saring` CLI as a child process against the in-process API of an ApiTestEnv, signed in as `who`. */
export function runSaring(env: ApiTestEnv, who: OfficerKey | undefined, args: string[]): Promise<SaringRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX, path.join(REPO_ROOT, 'cli/main.ts'), ...args],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          SARING_API_URL: env.baseUrl,
          ...(who ? { SARING_TOKEN: env.tokens[who] } : {}),
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
