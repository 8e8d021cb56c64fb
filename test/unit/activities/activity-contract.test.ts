import { ApplicationFailure } from '@temporalio/common';
import { ACTIVITY_OPTIONS, createActivities, type ActivityDeps } from '../../../activities';
import { ActivitiesConfig } from '../../../config/activities';
import { localActivitiesConfig } from '../../../config/activities';
import { PLATFORMS } from '../../../domain/places';
import { messageIdFor } from '../../../activities/notifications/email-channel';
import { evidenceKey } from '../../../activities/evidence/evidence-keys';

/** Dependencies that must never be reached: these tests stop at input validation or pure code. */
const unreachable = new Proxy(
  {},
  {
    get: () => {
      throw new Error('a dependency was used');
    },
  },
) as never;
const deps: ActivityDeps = {
  evidence: unreachable,
  buckets: { evidence: 'evidence', audit: 'audit' },
  platforms: {},
  police: unreachable,
  publishing: unreachable,
  notifier: unreachable,
  history: unreachable,
  fetch: ActivitiesConfig.shape.fetch.parse(undefined),
};
const activities = createActivities(deps);

describe('activities contract', () => {
  it('has recommended options for every activity, with bounded attempts', () => {
    expect(Object.keys(ACTIVITY_OPTIONS).sort()).toEqual(Object.keys(activities).sort());
    for (const [name, options] of Object.entries(ACTIVITY_OPTIONS)) {
      expect({ name, startToClose: options.startToCloseTimeout }).toEqual({
        name,
        startToClose: expect.anything(),
      });
      // Thrown non-retryable at their source (below, channels and evidence tests), never listed per scheduling.
      expect({ name, listed: options.retry?.nonRetryableErrorTypes }).toEqual({ name, listed: undefined });
      // Unlimited attempts (no maximumAttempts) only together with a total time limit.
      if (options.retry?.maximumAttempts === undefined)
        expect({ name, total: options.scheduleToCloseTimeout }).toEqual({ name, total: expect.any(String) });
    }
  });

  it.each([
    ['captureSnapshot', { requestId: 'case-1:snapshot', caseId: 'case-1', url: 'ftp://x' }],
    ['requestTakedown', { requestId: 'short', caseId: 'c', platform: 'myspace' }],
    ['checkTakedownStatus', { platform: 'meta' }],
    [
      'notify',
      {
        requestId: 'case-1:notify:1',
        caseId: 'case-1',
        audience: 'rapid_response_unit',
        kind: 'gossip',
        subject: 's',
        body: 'b',
      },
    ],
    [
      'publishStatement',
      {
        requestId: 'case-1:publish',
        caseId: 'case-1',
        kind: 'clarification',
        title: 't',
        body: 'b',
        pillar: 'digital_skill',
        channels: [],
      },
    ],
    ['checkLiveness', { url: 'javascript:alert(1)' }],
    ['classifyContent', { caseId: 'case-1' }],
    ['archiveCaseHistory', { requestId: 'case-1:archive', caseId: 'case-1' }],
    ['storeCaseText', { requestId: 'case-1:text', caseId: 'case-1', kind: 'diary', text: 'x' }],
    ['withdrawTakedown', { requestId: 'case-1:takedown:withdrawal', caseId: 'case-1', platform: 'meta' }],
  ] as const)('%s rejects bad input without touching anything, for good', async (name, input) => {
    const call = (activities as unknown as Record<string, (input: unknown) => Promise<unknown>>)[name]!;
    const error = await call(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({
      type: 'InvalidActivityInput',
      nonRetryable: true,
      message: expect.stringContaining(`${name}: invalid input`),
    });
  });

  it('fails for good when a platform has no channel configured', async () => {
    await expect(
      activities.checkTakedownStatus({ platform: 'telegram', ticketId: 'T-1' }),
    ).rejects.toMatchObject({
      type: 'PlatformNotConfigured',
      nonRetryable: true,
    });
  });

  it('classifies through the activity', async () => {
    await expect(
      activities.classifyContent({ caseId: 'case-1', text: 'togel online 4D hadiah 10 juta' }),
    ).resolves.toMatchObject({ category: 'online_gambling' });
  });
});

describe('idempotency keys', () => {
  it('derives one evidence key per case, kind and request, safe for any case id', () => {
    expect(evidenceKey('case-1', 'snapshot', 'case-1:snapshot:1', '.json')).toBe(
      'cases/case-1/snapshot/case-1:snapshot:1.json',
    );
    const odd = evidenceKey('kasus/../x y', 'snapshot', 'r:1:abcdef', '.json');
    expect(odd).toMatch(/^cases\/kasus_\.\._x_y~[0-9a-f]{16}\/snapshot\/r:1:abcdef\.json$/);
    expect(evidenceKey('kasus/../x y', 'snapshot', 'r:1:abcdef', '.json')).toBe(odd);
    expect(evidenceKey('..', 'snapshot', 'r:1:abcdef', '.json')).toMatch(/^cases\/\.\.~[0-9a-f]{16}\//);
  });

  it('derives the same Message-ID from the same requestId, and a valid one', () => {
    expect(messageIdFor('case-1:notify:1', 'example.go.id')).toBe(
      messageIdFor('case-1:notify:1', 'example.go.id'),
    );
    expect(messageIdFor('case-1:notify:1', 'example.go.id')).not.toBe(
      messageIdFor('case-1:notify:2', 'example.go.id'),
    );
    expect(messageIdFor('case-1:notify:1', 'example.go.id')).toMatch(
      /^<saring\.[0-9a-f]{40}@example\.go\.id>$/,
    );
  });
});

describe('ActivitiesConfig', () => {
  it('builds a complete local configuration from simulator URLs', () => {
    const config = localActivitiesConfig({
      s3: {
        endpoint: 'http://127.0.0.1:9000',
        evidenceBucket: 'saring-evidence',
        auditBucket: 'saring-audit',
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      },
      channels: {
        platformSimulator: 'http://127.0.0.1:8101',
        policeSimulator: 'http://127.0.0.1:8102',
        publishingSimulator: 'http://127.0.0.1:8103',
        webhookSink: 'http://127.0.0.1:8104',
        smtpSink: 'smtp://127.0.0.1:2525',
      },
    });
    expect(Object.keys(config.platforms).sort()).toEqual([...PLATFORMS].sort());
    expect(config.platforms.meta?.endpoint).toBe('http://127.0.0.1:8101/platforms/meta');
    expect(config.notifications.email).toMatchObject({ host: '127.0.0.1', port: 2525 });
    expect(config.fetch).toMatchObject({
      allowPrivateNetwork: true,
      snapshot: { maxBytes: 5 * 1024 * 1024 },
      liveness: { timeoutMs: 10_000 },
    });
  });

  it('rejects a configuration with a bad endpoint, naming the field', () => {
    const result = ActivitiesConfig.safeParse({
      s3: { evidenceBucket: 'saring-evidence', auditBucket: 'saring-audit' },
      platforms: { meta: { endpoint: 'not a url' } },
      police: { endpoint: 'https://police.example' },
      publishing: { endpoint: 'https://publish.example' },
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues.map((issue) => issue.path))).toContain(
      '"platforms","meta","endpoint"',
    );
  });
});
