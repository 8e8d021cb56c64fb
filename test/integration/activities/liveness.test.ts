import { checkLiveness, type LivenessOptions } from '../../../activities/liveness/check-liveness';
import { PRODUCTION_EGRESS } from '../../../activities/http/egress-policy';
import { startContentServer, type ContentServer } from '../../support/activities/content-server';
import { activitiesHarness, type ActivitiesHarness } from '../../support/activities/activities-harness';

describe('liveness check against a local web server', () => {
  let content: ContentServer;
  const options: LivenessOptions = {
    timeoutMs: 1_500,
    maxBytes: 64 * 1024,
    userAgent: 'saring-test',
    policy: { allowPrivateNetwork: true },
  };

  beforeAll(async () => {
    content = await startContentServer();
  });

  afterAll(async () => {
    await content?.stop();
  });

  it.each([
    ['/ok', 'up', 200, /HTTP 200/],
    ['/redirect', 'up', 200, /HTTP 200/],
    ['/404', 'gone', 404, /HTTP 404/],
    ['/410', 'gone', 410, /HTTP 410/],
    ['/unavailable', 'gone', 200, /unavailable page \(meta\)/],
    ['/youtube-removed', 'gone', 200, /unavailable page \(youtube\)/],
  ])('%s is %s', async (path, state, httpStatus, reason) => {
    const result = await checkLiveness(`${content.url}${path}`, options);
    expect(result).toMatchObject({ state, httpStatus });
    expect(result.reason).toMatch(reason);
  });

  it.each(['/hang-headers', '/hang-body'])('%s answers unknown within the timeout', async (path) => {
    const started = Date.now();
    const result = await checkLiveness(`${content.url}${path}`, options);
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ state: 'unknown', reason: 'timeout after 1500 ms' });
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(2_500);
  });

  it('believes only the platform’s own unavailable notice when the platform is known', async () => {
    await expect(
      checkLiveness(`${content.url}/youtube-removed`, { ...options, platform: 'meta' }),
    ).resolves.toMatchObject({ state: 'up' });
    await expect(
      checkLiveness(`${content.url}/youtube-removed`, { ...options, platform: 'youtube' }),
    ).resolves.toMatchObject({ state: 'gone' });
  });

  it('answers unknown for a refused connection and for internal addresses when the network guard is on', async () => {
    await expect(checkLiveness('http://127.0.0.1:9/x', options)).resolves.toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(/fetch failed/),
    });
    await expect(
      checkLiveness(`${content.url}/ok`, { ...options, policy: PRODUCTION_EGRESS }),
    ).resolves.toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(
        /refused before connecting: 127\.0\.0\.1 is in 127\.0\.0\.0\/8 \(loopback\)/,
      ),
    });
  });

  it('reads no more than the body cap', async () => {
    const result = await checkLiveness(`${content.url}/big`, { ...options, maxBytes: 1024 });
    expect(result.state).toBe('up');
  });
});

describe('checkLiveness activity against the platform simulator', () => {
  let harness: ActivitiesHarness;

  beforeAll(async () => {
    harness = await activitiesHarness('liveness');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('sees content go once the platform has complied with the takedown', async () => {
    const url = `${harness.sims.platformSimulator}/content/meta/post-${Date.now()}`;
    await expect(harness.activities.checkLiveness({ url, platform: 'meta' })).resolves.toMatchObject({
      state: 'up',
    });
    const { ticketId } = await harness.activities.requestTakedown({
      requestId: `liveness-${Date.now()}:takedown:meta`,
      caseId: 'liveness-case',
      platform: 'meta',
      url,
      category: 'online_gambling',
      urgent: true,
      deadline: new Date(Date.now() + 4 * 3_600_000).toISOString(),
      evidence: [],
    });
    await waitFor(
      async () =>
        (await harness.activities.checkTakedownStatus({ platform: 'meta', ticketId })).status === 'removed',
    );
    await expect(harness.activities.checkLiveness({ url, platform: 'meta' })).resolves.toMatchObject({
      state: 'gone',
      httpStatus: 200,
    });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
