import type { TakedownRequest } from '../../../domain/channels';
import { HttpPlatformAdapter } from '../../../activities/channels/platform-adapter';
import { startPlatformSimulator } from '../../../simulators/platform-simulator';
import {
  activitiesHarness,
  getJson,
  simulatorLog,
  type ActivitiesHarness,
} from '../../support/activities/activities-harness';

describe('platform, police and publishing channels against their simulators', () => {
  let harness: ActivitiesHarness;
  const run = Date.now().toString(36);

  beforeAll(async () => {
    harness = await activitiesHarness('channels');
  });

  afterAll(async () => {
    await harness?.close();
  });

  const takedown = (id: string, overrides: Partial<TakedownRequest> = {}): TakedownRequest => ({
    requestId: `${run}-${id}:takedown`,
    caseId: `case-${run}-${id}`,
    platform: 'tiktok',
    url: `https://tiktok.com/@judol/video/${id}`,
    category: 'online_gambling',
    urgent: true,
    deadline: new Date(Date.now() + 4 * 3_600_000).toISOString(),
    evidence: [],
    ...overrides,
  });

  const statusAfterDelay = async (platform: TakedownRequest['platform'], ticketId: string) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return harness.activities.checkTakedownStatus({ platform, ticketId });
  };

  it('takes a takedown, reports it pending, then removed after the platform’s delay', async () => {
    const receipt = await harness.activities.requestTakedown(takedown('1'));
    expect(receipt.ticketId).toMatch(/^TIKTOK-TD-/);
    await expect(
      harness.activities.checkTakedownStatus({ platform: 'tiktok', ticketId: receipt.ticketId }),
    ).resolves.toMatchObject({ status: 'pending' });
    await expect(statusAfterDelay('tiktok', receipt.ticketId)).resolves.toMatchObject({ status: 'removed' });
  });

  it('answers a repeated request with the first ticket and acts on it once', async () => {
    const request = takedown('2');
    const first = await harness.activities.requestTakedown(request);
    const again = await harness.activities.requestTakedown(request);
    expect(again).toEqual(first);
    const log = await simulatorLog(harness.sims.platformSimulator, {
      kind: 'takedown',
      requestId: request.requestId,
    });
    expect(log.map((entry) => entry.outcome)).toEqual(['accepted', 'duplicate']);
  });

  it('refuses a reused requestId with a different request, for good', async () => {
    const request = takedown('3');
    await harness.activities.requestTakedown(request);
    await expect(
      harness.activities.requestTakedown({ ...request, url: 'https://tiktok.com/@other/video/9' }),
    ).rejects.toMatchObject({
      type: 'ChannelRejected',
      nonRetryable: true,
    });
  });

  it('reports a refusal and an objection (sanggah) with the platform’s reason', async () => {
    const refused = await harness.activities.requestTakedown(
      takedown('4', { url: 'https://tiktok.com/@x/video/4?sim-refuse' }),
    );
    await expect(statusAfterDelay('tiktok', refused.ticketId)).resolves.toMatchObject({
      status: 'refused',
      reason: expect.stringContaining('Community Standards'),
    });
    const objected = await harness.activities.requestTakedown(
      takedown('5', { url: 'https://tiktok.com/@x/video/5?sim-object' }),
    );
    await expect(statusAfterDelay('tiktok', objected.ticketId)).resolves.toMatchObject({
      status: 'objected',
      reason: expect.stringContaining('Sanggah'),
    });
  });

  it('fails a transient platform error retryably', async () => {
    const request = takedown('6', { url: 'https://tiktok.com/@x/video/6?sim-flaky' });
    await expect(harness.activities.requestTakedown(request)).rejects.toMatchObject({
      type: 'ChannelUnavailable',
      nonRetryable: false,
    });
    await expect(harness.activities.requestTakedown(request)).resolves.toMatchObject({
      ticketId: expect.any(String),
    });
  });

  it('sends warning letters ST1..ST3 and a blocklist recommendation, each once per requestId', async () => {
    const { ticketId } = await harness.activities.requestTakedown(
      takedown('7', { url: 'https://tiktok.com/@x/video/7?sim-never' }),
    );
    for (const level of ['ST1', 'ST2', 'ST3'] as const) {
      const letter = {
        requestId: `${run}-7:${level}`,
        caseId: `case-${run}-7`,
        platform: 'tiktok' as const,
        ticketId,
        level,
        url: 'https://tiktok.com/@x/video/7',
      };
      const first = await harness.activities.sendWarningLetter(letter);
      expect(first.letterId).toMatch(new RegExp(`^${level}-TIKTOK-`));
      await expect(harness.activities.sendWarningLetter(letter)).resolves.toEqual(first);
    }
    const recommendation = {
      requestId: `${run}-8:blocklist`,
      caseId: `case-${run}-8`,
      domain: 'slotgacor88.example',
      url: 'https://slotgacor88.example/daftar',
      category: 'online_gambling' as const,
      reason: 'Situs judi online, di-hosting di luar negeri',
    };
    const first = await harness.activities.recommendBlocklist(recommendation);
    await expect(harness.activities.recommendBlocklist(recommendation)).resolves.toEqual(first);
    const log = await simulatorLog(harness.sims.platformSimulator, {
      kind: 'blocklist',
      requestId: recommendation.requestId,
    });
    expect(log.map((entry) => entry.outcome)).toEqual(['accepted', 'duplicate']);
  });

  it('rejects a takedown request that does not parse, before anything is sent', async () => {
    await expect(harness.activities.requestTakedown({ ...takedown('9'), url: 'nope' })).rejects.toMatchObject(
      {
        type: 'InvalidActivityInput',
        nonRetryable: true,
      },
    );
    await expect(
      simulatorLog(harness.sims.platformSimulator, { requestId: `${run}-9:takedown` }),
    ).resolves.toEqual([]);
  });

  it('delivers a police package once, with its manifest stored as evidence', async () => {
    const evidence = await harness.activities.captureSnapshot({
      requestId: `${run}-10:snapshot`,
      caseId: `case-${run}-10`,
      text: 'Jual sabu COD Banjarmasin',
    });
    const pkg = {
      requestId: `${run}-10:police`,
      caseId: `case-${run}-10`,
      category: 'other_illegal' as const,
      summary: 'Akun menawarkan narkotika jenis sabu dengan sistem COD di Banjarmasin.',
      urls: ['https://facebook.com/groups/123/posts/456'],
      evidence: [evidence],
    };
    const receipt = await harness.activities.deliverPolicePackage(pkg);
    expect(receipt.referenceId).toMatch(/^STPL\/\d+\/[IVX]+\/\d{4}\/DITRESSIBER$/);
    await expect(harness.activities.deliverPolicePackage(pkg)).resolves.toEqual(receipt);
    const log = await simulatorLog(harness.sims.policeSimulator, {
      kind: 'package',
      requestId: pkg.requestId,
    });
    expect(log.map((entry) => entry.outcome)).toEqual(['accepted', 'duplicate']);

    const delivered = await getJson<{ manifest: { sha256: string; key: string } }>(
      `${harness.sims.policeSimulator}/packages/${encodeURIComponent(receipt.referenceId)}`,
    );
    const manifest = await harness.deps.evidence.find(
      harness.config.s3.evidenceBucket,
      delivered.manifest.key,
    );
    expect(manifest?.record.kind).toBe('police_package');
    expect(manifest?.record.sha256).toBe(delivered.manifest.sha256);
  });

  it('publishes a clarification once to each channel, at URLs that serve it', async () => {
    const statement = {
      requestId: `${run}-11:publish`,
      caseId: `case-${run}-11`,
      kind: 'clarification' as const,
      title: 'Gempa 8,9 SR di Kalsel besok',
      body: 'Faktanya, BMKG menegaskan gempa bumi tidak dapat diprediksi waktunya. Saring sebelum sharing.',
      label: 'HOAKS' as const,
      pillar: 'digital_culture' as const,
      channels: ['website' as const, 'instagram' as const],
      jointWithPolice: false,
    };
    const receipt = await harness.activities.publishStatement(statement);
    expect(receipt.publications.map((publication) => publication.channel)).toEqual(['website', 'instagram']);
    await expect(harness.activities.publishStatement(statement)).resolves.toEqual(receipt);
    const page = await fetch(receipt.publications[0]!.url);
    expect(await page.text()).toContain('[HOAKS] Gempa 8,9 SR di Kalsel besok');
    const log = await simulatorLog(harness.sims.publishingSimulator, {
      kind: 'statement',
      requestId: statement.requestId,
    });
    expect(log.map((entry) => entry.outcome)).toEqual(['accepted', 'duplicate']);
  });

  it('sends the configured bearer token, and fails for good on a wrong one', async () => {
    const simulator = await startPlatformSimulator({ platforms: { youtube: { token: 'right-token' } } });
    try {
      const request = takedown('12', { platform: 'youtube', url: 'https://youtube.com/watch?v=abcdefghijk' });
      const wrong = new HttpPlatformAdapter('youtube', {
        endpoint: `${simulator.url}/platforms/youtube`,
        token: 'wrong',
        timeoutMs: 2_000,
      });
      await expect(wrong.requestTakedown(request)).rejects.toMatchObject({
        type: 'ChannelUnauthorized',
        nonRetryable: true,
      });
      const right = new HttpPlatformAdapter('youtube', {
        endpoint: `${simulator.url}/platforms/youtube`,
        token: 'right-token',
        timeoutMs: 2_000,
      });
      await expect(right.requestTakedown(request)).resolves.toMatchObject({
        ticketId: expect.stringMatching(/^YOUTUBE-TD-/),
      });
    } finally {
      await simulator.stop();
    }
  });
});
