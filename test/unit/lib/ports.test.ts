import net from 'node:net';
import { freePort, waitForPort } from '../../../lib/ports';

describe('waitForPort', () => {
  it('resolves once something listens on the port', async () => {
    const port = await freePort();
    const server = net.createServer();
    setTimeout(() => server.listen(port, '127.0.0.1'), 300);
    try {
      await expect(waitForPort(port, 10_000)).resolves.toBeUndefined();
    } finally {
      server.close();
    }
  });

  it('stops waiting when its signal aborts, long before its deadline, so nothing keeps the process alive', async () => {
    const port = await freePort();
    const waits = new AbortController();
    setTimeout(() => waits.abort(), 200);
    const started = Date.now();
    await expect(waitForPort(port, 600_000, '127.0.0.1', waits.signal)).rejects.toThrow(/abort/i);
    // The deadline was 10 minutes away; an abort that did not end the loop would time the test out.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('rejects after its deadline when nothing listens', async () => {
    const port = await freePort();
    await expect(waitForPort(port, 300)).rejects.toThrow(
      `Nothing listened on 127.0.0.1:${port} within 300 ms.`,
    );
  });
});
