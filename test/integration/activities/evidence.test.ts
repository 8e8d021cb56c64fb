import { HeadObjectCommand, ListObjectVersionsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { ApplicationFailure } from '@temporalio/common';
import { createActivities } from '../../../activities';
import { EvidenceStore } from '../../../activities/evidence/evidence-store';
import { sha256Hex } from '../../../lib/sha256';
import { activitiesHarness, type ActivitiesHarness } from '../../support/activities/activities-harness';
import { startContentServer, type ContentServer } from '../../support/activities/content-server';

describe('evidence store on the real S3 server', () => {
  let harness: ActivitiesHarness;
  let content: ContentServer;
  let bucket: string;

  beforeAll(async () => {
    [harness, content] = await Promise.all([activitiesHarness('evidence'), startContentServer()]);
    bucket = harness.config.s3.evidenceBucket;
  });

  afterAll(async () => {
    await Promise.all([harness?.close(), content?.stop()]);
  });

  const versionsOf = async (key: string) =>
    (await harness.s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }))).Versions?.filter(
      (v) => v.Key === key,
    ) ?? [];

  it('captures a snapshot (body, headers, time) whose SHA-256 matches the stored bytes', async () => {
    const record = await harness.activities.captureSnapshot({
      requestId: 'case-1:snapshot:1',
      caseId: 'case-1',
      url: `${content.url}/ok`,
    });

    expect(record).toMatchObject({
      kind: 'snapshot',
      bucket,
      fetch: { url: `${content.url}/ok`, status: 200 },
    });
    expect(record.versionId).toBeDefined();
    const bytes = await harness.deps.evidence.read(record);
    expect(sha256Hex(bytes)).toBe(record.sha256);
    expect(bytes.byteLength).toBe(record.size);
    const document = JSON.parse(new TextDecoder().decode(bytes));
    expect(document.response.status).toBe(200);
    expect(document.response.headers['x-served-by']).toBe('content-server');
    expect(document.response.body).toMatchObject({ encoding: 'utf8', truncated: false });
    expect(document.response.body.data).toContain('SLOT GACOR HARI INI');
    expect(document.capturedAt).toBe(record.capturedAt);

    await expect(harness.activities.verifyEvidence({ record })).resolves.toEqual({
      intact: true,
      actualSha256: record.sha256,
    });
  });

  it('stores one object for a retried capture with the same requestId, without fetching again', async () => {
    const input = { requestId: 'case-2:snapshot:1', caseId: 'case-2', url: `${content.url}/redirect` };
    const first = await harness.activities.captureSnapshot(input);
    const retried = await harness.activities.captureSnapshot(input);

    expect(retried).toEqual(first);
    expect(await versionsOf(first.key)).toHaveLength(1);
    expect(content.hits.get('/redirect')).toBe(1);
  });

  it('stores one object when attempts with the same requestId race each other', async () => {
    const input = { requestId: 'case-3:snapshot:1', caseId: 'case-3', url: `${content.url}/ok` };
    const results = await Promise.all([1, 2, 3, 4].map(() => harness.activities.captureSnapshot(input)));

    expect(new Set(results.map((r) => `${r.versionId}/${r.sha256}`)).size).toBe(1);
    expect(await versionsOf(results[0]!.key)).toHaveLength(1);
  });

  it('never lets a second write to a key destroy the first', async () => {
    const store = harness.deps.evidence;
    const key = 'cases/case-4/screenshot/upload-1.png';
    const original = new Uint8Array([1, 2, 3, 4]);
    const first = await store.put({
      kind: 'screenshot',
      bucket,
      key,
      body: original,
      contentType: 'image/png',
      capturedAt: '2026-01-05T03:00:00.000Z',
      uploadedBy: 'siti.verifier',
    });
    const second = await store.put({
      kind: 'screenshot',
      bucket,
      key,
      body: new Uint8Array([9, 9, 9]),
      contentType: 'image/png',
      capturedAt: '2026-01-05T04:00:00.000Z',
      uploadedBy: 'budi.verifier',
    });

    expect(first.created).toBe(true);
    expect(first.record).toMatchObject({ uploadedBy: 'siti.verifier', sha256: sha256Hex(original) });
    expect(second.created).toBe(false);
    expect(second.record).toEqual(first.record);
    expect(await store.read(first.record)).toEqual(original);

    // Even a raw overwrite that bypasses the store only adds a version: the recorded one stays readable and intact.
    await harness.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'tampered' }));
    expect(await versionsOf(key)).toHaveLength(2);
    await expect(store.verify(first.record)).resolves.toEqual({
      intact: true,
      actualSha256: first.record.sha256,
    });
    expect(await store.read(first.record)).toEqual(original);
  });

  it('reports evidence whose bytes no longer match its record, or that is gone', async () => {
    const record = await harness.activities.captureSnapshot({
      requestId: 'case-5:snapshot:1',
      caseId: 'case-5',
      text: 'Link alternatif slot gacor',
    });
    const wrongDigest = { ...record, sha256: 'f'.repeat(64) };
    await expect(harness.activities.verifyEvidence({ record: wrongDigest })).resolves.toEqual({
      intact: false,
      actualSha256: record.sha256,
    });
    const missing = { ...record, key: 'cases/case-5/snapshot/never-written.json', versionId: undefined };
    await expect(harness.activities.verifyEvidence({ record: missing })).resolves.toEqual({
      intact: false,
      actualSha256: '',
    });
  });

  it('keeps what fetching gave when the URL cannot be fetched, and binary bodies as base64', async () => {
    const unreachable = await harness.activities.captureSnapshot({
      requestId: 'case-6:snapshot:1',
      caseId: 'case-6',
      url: 'http://127.0.0.1:9/nothing',
    });
    expect(unreachable.fetch?.status).toBeUndefined();
    expect(unreachable.fetch?.error).toMatch(/fetch failed|ECONNREFUSED/);

    const binary = await harness.activities.captureSnapshot({
      requestId: 'case-6:snapshot:2',
      caseId: 'case-6',
      url: `${content.url}/binary`,
    });
    const document = JSON.parse(new TextDecoder().decode(await harness.deps.evidence.read(binary)));
    expect(document.response.body).toMatchObject({ encoding: 'base64', contentType: 'image/png', size: 10 });
  });

  it('caps the stored body of a huge page', async () => {
    const maxBytes = 64 * 1024;
    const capped = createActivities({
      ...harness.deps,
      fetch: { ...harness.deps.fetch, snapshot: { timeoutMs: 5_000, maxBytes } },
    });
    const record = await capped.captureSnapshot({
      requestId: 'case-7:snapshot:1',
      caseId: 'case-7',
      url: `${content.url}/big`,
    });
    const document = JSON.parse(new TextDecoder().decode(await harness.deps.evidence.read(record)));
    expect(document.response.body).toMatchObject({ truncated: true, size: maxBytes });
  });

  it('rejects bad input as a non-retryable failure', async () => {
    await expect(
      harness.activities.captureSnapshot({ requestId: 'x', caseId: 'case-8', url: 'not a url' }),
    ).rejects.toMatchObject({
      type: 'InvalidActivityInput',
      nonRetryable: true,
    });
    await expect(
      harness.activities.captureSnapshot({ requestId: 'case-8:snapshot:1', caseId: 'case-8' }),
    ).rejects.toBeInstanceOf(ApplicationFailure);
  });
});

describe('evidence store with Object Lock', () => {
  let harness: ActivitiesHarness;

  beforeAll(async () => {
    harness = await activitiesHarness('locked', { objectLock: { mode: 'GOVERNANCE', retainDays: 30 } });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('sets retention on new evidence where the bucket has Object Lock, and none where it has not', async () => {
    const record = await harness.activities.captureSnapshot({
      requestId: 'case-9:snapshot:1',
      caseId: 'case-9',
      text: 'Open BO area Banjarmasin',
    });
    const head = await harness.s3.send(
      new HeadObjectCommand({ Bucket: record.bucket, Key: record.key, VersionId: record.versionId }),
    );
    expect(head.ObjectLockMode).toBe('GOVERNANCE');
    expect(head.ObjectLockRetainUntilDate!.getTime()).toBeCloseTo(
      Date.parse(record.capturedAt) + 30 * 86_400_000,
      -4,
    );

    // The audit bucket has no Object Lock: same policy, no retention headers, and the write still succeeds.
    const plain = new EvidenceStore(harness.s3, { objectLock: { mode: 'GOVERNANCE', retainDays: 30 } });
    const stored = await plain.put({
      kind: 'document',
      bucket: harness.config.s3.auditBucket,
      key: 'cases/case-9/document/note.txt',
      body: new TextEncoder().encode('catatan'),
      contentType: 'text/plain',
      capturedAt: new Date().toISOString(),
    });
    const auditHead = await harness.s3.send(
      new HeadObjectCommand({ Bucket: stored.record.bucket, Key: stored.record.key }),
    );
    expect(auditHead.ObjectLockMode).toBeUndefined();
  });
});
