import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeleteObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundle } from '@temporalio/worker';
import { createS3Client } from '../../../config/s3';
import { S3Archive } from '../../../audit/s3-archive';
import { collectCaseHistories, writeCaseArchive } from '../../../audit/case-archiver';
import { appendToLedger } from '../../../audit/ledger';
import { fileLedgerSigner, publicKeyFileOf } from '../../../audit/ledger-signer';
import { verifyCaseArchive } from '../../../audit/verify-archive';
import { archivedRuns, caseManifests } from '../../../audit/archived-runs';
import { replayRuns } from '../../../audit/replay-archive';
import { testServers } from '../../support/servers/test-servers';
import { runCli } from '../../../cli/main';
import { TEST_KEY_RING, testDataConverter } from '../../support/codec/test-codec';
import { createEvidenceBucket, uniqueName } from '../../support/activities/activities-harness';
import {
  bundleCaseWorkflows,
  createCaseTimeSkippingEnv,
  waitForCase,
  withScriptedCaseWorker,
} from '../../support/case-test-kit';
import { GAMBLING_CLASSIFICATION, submitIllegalGamblingCase } from '../../support/gambling-case';

/**
 * Issue 13's "done when": a case that monitored through several continue-as-new runs with a takedown
 * child is archived to the Object Lock bucket, its Temporal server is shut down for good, and the
 * archive alone still verifies and replays.
 */
describe('a closed case verifies and replays from the archive alone', () => {
  let env: TestWorkflowEnvironment | undefined;
  let bundle: WorkflowBundle;
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-ledger-key-'));

  beforeAll(async () => {
    [env, bundle] = await Promise.all([createCaseTimeSkippingEnv(), bundleCaseWorkflows()]);
  });
  afterAll(async () => {
    await env?.teardown();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  it('archives every run and the takedown child, survives the loss of Temporal, and names its runs in order', async () => {
    const servers = testServers();
    const s3 = createS3Client({
      endpoint: servers.s3.endpoint,
      region: servers.s3.region,
      credentials: { accessKeyId: servers.s3.accessKeyId, secretAccessKey: servers.s3.secretAccessKey },
      evidenceBucket: 'unused-evidence',
      auditBucket: 'unused-audit',
    });
    const bucket = await createEvidenceBucket(s3, uniqueName('audit-archive'), true);
    const archive = new S3Archive(s3, bucket, { mode: 'COMPLIANCE', retainDays: 1 });
    const signer = fileLedgerSigner(path.join(keyDir, 'ledger.pem'));

    const caseId = await withScriptedCaseWorker(
      env!,
      bundle,
      'audit-archive',
      {
        classification: GAMBLING_CLASSIFICATION,
        platforms: { website: { complyAtPoll: 1 } },
        liveness: (_url, removed) => (removed ? 'gone' : 'up'),
      },
      async (cases) => {
        const { caseId } = await submitIllegalGamblingCase(cases);
        await env!.sleep('2h');
        await waitForCase(cases, caseId, (state) => state.stage === 'monitoring', 'monitoring');
        await env!.sleep('31d');
        const outcome = await cases.outcome(caseId);
        expect(outcome.resolution).toBe('actioned');
        return caseId;
      },
    );

    const histories = await collectCaseHistories(env!.client, caseId);
    expect(histories.runs.length).toBeGreaterThanOrEqual(4); // first run + at least 3 continue-as-new runs
    expect(histories.children.map((child) => child.workflowId)).toEqual([`${caseId}:takedown:website-1:a1`]);
    const ref = await writeCaseArchive(archive, histories, () => new Date());
    await appendToLedger(archive, signer, ref, () => new Date());
    // Object Lock: the archived version cannot be deleted during its retention.
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: ref.manifestKey }));
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
    await expect(
      s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: ref.manifestKey, VersionId: head.VersionId })),
    ).rejects.toThrow();

    // Temporal is gone: the server and every history in it.
    await env!.teardown();
    env = undefined;

    const publicKeyPem = fs.readFileSync(publicKeyFileOf(path.join(keyDir, 'ledger.pem')), 'utf8');
    const verification = await verifyCaseArchive(archive, caseId, { publicKeyPem });
    expect(verification).toMatchObject({ ok: true, findings: [] });
    expect(verification.checked.runs).toBe(histories.runs.length);
    expect(verification.checked.childRuns).toBe(1);

    const [manifest] = await caseManifests(archive, caseId);
    const replays = await replayRuns(await archivedRuns(archive, manifest!), {
      dataConverter: testDataConverter,
    });
    expect(replays.map((replay) => [replay.workflowId, replay.result])).toEqual([
      ...histories.runs.map(() => [caseId, 'agreed']),
      [`${caseId}:takedown:website-1:a1`, 'agreed'],
    ]);
    // Time travel: the first run walks from intake through verification to action; the last closes.
    const stagesOf = (index: number) => [...new Set(replays[index]!.steps.map((step) => step.stage))];
    expect(stagesOf(0)).toEqual(expect.arrayContaining(['verification', 'action']));
    expect(replays[0]!.steps.some((step) => step.verdict === 'illegal')).toBe(true);
    expect(stagesOf(histories.runs.length - 1)).toContain('closed');
    const eventIds = replays[0]!.steps.map((step) => step.eventId);
    expect(eventIds).toEqual([...eventIds].sort((a, b) => a - b));

    // The auditor's commands, from the archive alone.
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(argv, {}, { out: (text) => out.push(text), err: (text) => err.push(text) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = servers.s3.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = servers.s3.secretAccessKey;
    try {
      const where = ['--archive', `s3://${bucket}`, '--s3-endpoint', servers.s3.endpoint];
      const verified = await cli(
        'audit',
        'verify',
        caseId,
        ...where,
        '--public-key',
        publicKeyFileOf(path.join(keyDir, 'ledger.pem')),
      );
      expect(verified).toMatchObject({
        code: 0,
        out: expect.stringMatching(/^OK verified: .* 1 child run\(s\)/),
      });
      // The archived payloads are encrypted: the auditor replays with the codec's key ring file.
      const keyFile = path.join(keyDir, 'codec-keys.json');
      fs.writeFileSync(keyFile, JSON.stringify(TEST_KEY_RING), { mode: 0o600 });
      const replayed = await cli('audit', 'replay', caseId, ...where, '--key-file', keyFile);
      expect(replayed.code).toBe(0);
      expect(replayed.out.match(/^OK agreed: /gm)).toHaveLength(histories.runs.length + 1);
      expect(replayed.out).toMatch(
        /event +\d+ +stage=monitoring +verdict=illegal +tracks=\[takedown website-1:removed/,
      );
    } finally {
      for (const [name, value] of [
        ['AWS_ACCESS_KEY_ID', saved.id],
        ['AWS_SECRET_ACCESS_KEY', saved.secret],
      ] as const)
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
    s3.destroy();
  });
});
