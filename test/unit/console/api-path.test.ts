import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const CONSOLE = path.join(__dirname, '../../../console');

/** The console is plain browser JS (ES modules): node imports it as the browser does. */
function apiPathOf(values: string[]): string {
  const script = `import { apiPath } from ${JSON.stringify(path.join(CONSOLE, 'api.js'))};
const [a, b] = JSON.parse(process.argv[1]);
process.stdout.write(apiPath\`/api/cases/\${a}/actions/\${b}\`);`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(values)], {
    encoding: 'utf8',
  });
}

describe('console: ids in API paths are encoded', () => {
  it('apiPath percent-encodes each value as one segment', () => {
    expect(apiPathOf(['case-0123456789abcdef0123', 'submitVerdict'])).toBe(
      '/api/cases/case-0123456789abcdef0123/actions/submitVerdict',
    );
    expect(apiPathOf(['../../admin', 'x?y=1#z'])).toBe('/api/cases/..%2F..%2Fadmin/actions/x%3Fy%3D1%23z');
    expect(apiPathOf(['a/b%2F', ' '])).toBe('/api/cases/a%2Fb%252F/actions/%20');
  });

  it('no console file puts a value into an API path without apiPath', () => {
    const unencoded: string[] = [];
    for (const file of fs.readdirSync(CONSOLE).filter((name) => name.endsWith('.js'))) {
      const text = fs.readFileSync(path.join(CONSOLE, file), 'utf8');
      // A template literal whose path part (before any "?") interpolates a value, not tagged apiPath.
      for (const match of text.matchAll(/(apiPath)?`\/api\/[^`?]*\$\{/g))
        if (!match[1]) unencoded.push(`${file}: ${match[0]}`);
    }
    expect(unencoded).toEqual([]);
  });
});
