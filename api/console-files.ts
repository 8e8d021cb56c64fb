import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Only names in the folder itself with these extensions (no sub-paths, no dot files, no .ts). */
const CONSOLE_FILE = /^\/(?:[a-z0-9][a-z0-9_-]*\.(?:html|js|css|svg|png|ico))?$/i;

const HEADERS = {
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Same-origin scripts, styles and API calls only: no CDN, no inline script.
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

/** The web console's files at `/`, read from a fixed folder; anything else falls through to the 404. */
export function registerConsoleFiles(app: FastifyInstance, dir: string): void {
  void app.register(fastifyStatic, {
    root: path.resolve(dir),
    prefix: '/',
    index: 'index.html',
    cacheControl: false,
    dotfiles: 'deny',
    allowedPath: (pathname) => CONSOLE_FILE.test(pathname),
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
    },
  });
}
