import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { JsonChannelClient } from '../../../activities/http/json-channel-client';
import { WebhookChannel } from '../../../activities/notifications/webhook-channel';

/** A partner that answers far more than any ticket needs: 3 MiB of valid JSON, counting bytes it managed to send. */
async function startFloodingPartner() {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(req.url === '/fail' ? 400 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ticketId: 'T-1', padding: 'x'.repeat(3 * 1024 * 1024) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('every outward read has a size cap', () => {
  let partner: Awaited<ReturnType<typeof startFloodingPartner>>;

  beforeAll(async () => {
    partner = await startFloodingPartner();
  });

  afterAll(async () => {
    await partner?.close();
  });

  it('a partner answer over the cap fails the attempt unread, naming the cap and what to do', async () => {
    const client = new JsonChannelClient('platform meta', { endpoint: partner.url, timeoutMs: 5_000 });
    await expect(
      client.post('/takedowns', { url: 'https://example.com' }, 'req-1', z.object({ ticketId: z.string() })),
    ).rejects.toMatchObject({
      type: 'ChannelBadResponse',
      message: expect.stringContaining('answered more than 1048576 bytes; not read'),
    });
  });

  it('the cap comes from the channel config', async () => {
    const client = new JsonChannelClient('police liaison', {
      endpoint: partner.url,
      timeoutMs: 5_000,
      maxResponseBytes: 8 * 1024 * 1024,
    });
    await expect(client.get('/status', z.object({ ticketId: z.string() }))).resolves.toEqual({
      ticketId: 'T-1',
    });
  });

  it('a webhook receiver’s answer is read only up to 4 KiB: the rest is never taken off the wire', async () => {
    // The receiver trickles a 3 MiB error page, 16 KiB every 5 ms, and counts what it got to send before the sender hung up.
    let written = 0;
    const finished = new Promise<void>((resolve) => {
      const server = http.createServer((req, res) => {
        req.resume();
        res.writeHead(400, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(16 * 1024, 'x');
        const timer = setInterval(() => {
          if (written >= 3 * 1024 * 1024 || res.destroyed) {
            clearInterval(timer);
            res.end();
            server.close(() => resolve());
            return;
          }
          res.write(chunk);
          written += chunk.length;
        }, 5);
        res.on('close', () => {
          clearInterval(timer);
          server.close(() => resolve());
        });
      });
      server.listen(0, '127.0.0.1', () => {
        const channel = new WebhookChannel({
          url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/x`,
          timeoutMs: 5_000,
        });
        void channel
          .deliver({
            requestId: 'cap:notify',
            caseId: 'case-cap',
            audience: 'rapid_response_unit',
            kind: 'new_case',
            subject: 's',
            body: 'b',
          })
          .catch(() => undefined);
      });
    });
    await finished;
    expect(written).toBeLessThan(1024 * 1024);
  });
});
