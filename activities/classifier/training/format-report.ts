import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPORT_PATH } from './report';

const PRETTIER = path.resolve(__dirname, '../../../node_modules/.bin/prettier');

/**
 * Formats like `prettier --write`, so committed generated files pass `npm run lint` and compare byte for
 * byte. Prettier runs as a child process: its module API needs ESM dynamic import, which jest's CommonJS
 * runtime refuses.
 */
export function formatGenerated(content: string, file: string): string {
  const result = spawnSync(PRETTIER, ['--stdin-filepath', file], { input: content, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`prettier failed on ${file}: ${result.stderr}`);
  return result.stdout;
}

export function formatReport(markdown: string): string {
  return formatGenerated(markdown, REPORT_PATH);
}
