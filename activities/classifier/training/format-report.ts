import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPORT_PATH } from './report';

const PRETTIER = path.resolve(__dirname, '../../../node_modules/.bin/prettier');

/**
 * Formats like `prettier --write`, so the committed file passes `npm run lint` and compares byte for
 * byte. Prettier runs as a child process: its module API needs ESM dynamic import, which jest's CommonJS
 * runtime refuses.
 */
export function formatReport(markdown: string): string {
  const result = spawnSync(PRETTIER, ['--stdin-filepath', REPORT_PATH], {
    input: markdown,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`prettier failed on the classifier report: ${result.stderr}`);
  return result.stdout;
}
