import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * The console's files, read from a fixed folder. Only names in the folder itself are served (no
 * sub-paths, no dot files), so a crafted path can never leave it.
 */
export function consoleFiles(dir: string) {
  const root = path.resolve(dir);
  return {
    /** true when it answered; false when there is no such file (the caller sends 404). */
    serve(pathname: string, res: ServerResponse): boolean {
      const name = pathname === '/' ? 'index.html' : pathname.slice(1);
      if (!/^[a-z0-9][a-z0-9_-]*\.[a-z]+$/i.test(name)) return false;
      const type = TYPES[path.extname(name)];
      const file = path.join(root, name);
      if (!type || !fs.existsSync(file)) return false;
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        // Same-origin scripts, styles and API calls only: no CDN, no inline script.
        'content-security-policy':
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      });
      res.end(fs.readFileSync(file));
      return true;
    },
  };
}
