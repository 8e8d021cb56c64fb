import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Only names in the folder itself with these extensions (no sub-paths, no dot files, no .ts). */
const CONSOLE_FILE = /^\/(?:[a-z0-9][a-z0-9_-]*\.(?:html|js|css|svg|png|ico))?$/i;

const HEADERS = {
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Same-origin scripts and styles only (no CDN, no inline script); API calls, plus the sign-in provider's token endpoints. */
function contentSecurityPolicy(signInOrigins: readonly string[]): string {
  const connect = ["'self'", ...signInOrigins].join(' ');
  return `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src ${connect}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;
}

/**
 * The web console's files at `/`, read from a fixed folder, and index.html again at /auth/callback (where
 * the sign-in provider sends the officer back); anything else falls through to the 404.
 * `signInOrigins` gives the origins the console may call besides the API (the token endpoint's).
 */
export function registerConsoleFiles(
  app: FastifyInstance,
  dir: string,
  signInOrigins: () => readonly string[],
): void {
  const headers = () => ({ ...HEADERS, 'content-security-policy': contentSecurityPolicy(signInOrigins()) });
  app.get('/auth/callback', async (_request, reply) =>
    reply.headers(headers()).type('text/html; charset=utf-8').sendFile('index.html'),
  );
  void app.register(fastifyStatic, {
    root: path.resolve(dir),
    prefix: '/',
    index: 'index.html',
    cacheControl: false,
    dotfiles: 'deny',
    // sendFile('index.html') (the /auth/callback route) passes the name without its leading slash.
    allowedPath: (pathname) => CONSOLE_FILE.test(pathname.startsWith('/') ? pathname : `/${pathname}`),
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(headers())) res.setHeader(name, value);
    },
  });
}
