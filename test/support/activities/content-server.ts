import { startLocalHttpServer, type LocalHttpServer } from '../servers/local-http-server';

export type ContentServer = LocalHttpServer;

/**
 * A local web server standing in for reported pages: /ok (a gambling ad), /404, /410, /unavailable
 * (a platform's "content isn't available" page), /hang-headers (never answers), /hang-body (sends
 * headers and a little body, then stalls), /big (2 MB), /redirect -> /ok.
 */
export function startContentServer(): Promise<ContentServer> {
  return startLocalHttpServer(({ pathname: path }, _req, res) => {
    switch (path) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-served-by': 'content-server' });
        res.end(
          '<html><body><h1>SLOT GACOR HARI INI</h1><p>Daftar sekarang, bonus new member 100%</p></body></html>',
        );
        return;
      case '/404':
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
        return;
      case '/410':
        res.writeHead(410, { 'content-type': 'text/html' }).end('<h1>Gone</h1>');
        return;
      case '/unavailable':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          '<html><body><div>Sorry, this content isn’t available right now</div><div>The link you followed may be broken.</div></body></html>',
        );
        return;
      case '/youtube-removed':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          '<html><body>Video tidak tersedia. Video ini tidak tersedia lagi karena akun YouTube yang terkait telah dihentikan.</body></html>',
        );
        return;
      case '/binary':
        res
          .writeHead(200, { 'content-type': 'image/png' })
          .end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]));
        return;
      case '/hang-headers':
        return; // never answers
      case '/hang-body':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body>still loading');
        return; // never ends
      case '/big':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(2 * 1024 * 1024));
        return;
      case '/redirect':
        res.writeHead(302, { location: '/ok' }).end();
        return;
      default:
        res.writeHead(500).end('unexpected');
    }
  });
}
