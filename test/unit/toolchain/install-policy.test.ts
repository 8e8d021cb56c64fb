import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '../../..');

describe('install policy', () => {
  it('npm runs no install scripts of dependencies in this project (.npmrc ignore-scripts)', () => {
    const value = execFileSync('npm', ['config', 'get', 'ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(value.trim()).toBe('true');
  });
});
