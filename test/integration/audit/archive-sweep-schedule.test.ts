import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditArchiveActivities } from '../../../activities/audit-archive-activities';
import { S3Archive } from '../../../audit/s3-archive';
import { ensureArchiveSweepSchedule } from '../../../audit/audit-schedules';
import { fileLedgerSigner, publicKeyFileOf } from '../../../audit/ledger-signer';
import { verifyCaseArchive } from '../../../audit/verify-archive';
import type { SweepResult } from '../../../workflows/audit/archive-sweep';
import { triggerScheduleRun, waitForListed } from '../../support/servers/dev-schedules';
import { testS3Client } from '../../support/servers/test-s3-client';
import { closeWithoutViolation, devScheduleWorker } from '../../support/workers/dev-schedule-worker';
import { createEvidenceBucket, uniqueName } from '../../support/activities/activities-harness';
import { connectDevServer, detectionOf, uniqueUrl } from '../../support/case-test-kit';

/** The sweep runs as a Temporal Schedule on the dev server and archives a case that closed without one. */
describe('the archive sweep (a Temporal Schedule on the dev server)', () => {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-sweep-key-'));
  afterAll(() => fs.rmSync(keyDir, { recursive: true, force: true }));

  it('finds the closed case, archives it into the ledger, and a second sweep finds nothing left', async () => {
    const dev = await connectDevServer();
    const s3 = testS3Client();
    const bucket = await createEvidenceBucket(s3, uniqueName('audit-sweep'), true);
    const archive = new S3Archive(s3, bucket, { mode: 'GOVERNANCE', retainDays: 1 });
    const keyFile = path.join(keyDir, 'ledger.pem');
    const { worker, taskQueue, cases } = await devScheduleWorker(
      dev,
      'audit-sweep',
      auditArchiveActivities({ client: dev.client, archive, signer: async () => fileLedgerSigner(keyFile) }),
    );
    const scheduleId = uniqueName('sweep-schedule');
    try {
      await worker.runUntil(async () => {
        const { caseId } = await cases.submitDetection(
          detectionOf({ url: uniqueUrl('berita.example', 'klarifikasi') }),
        );
        await closeWithoutViolation(cases, caseId);
        // Visibility catches up with the close a moment later; the sweep reads visibility.
        await waitForListed(
          dev.client,
          `WorkflowId = '${caseId}' AND ExecutionStatus = 'Completed'`,
          1,
          'the closed case in visibility',
        );

        await ensureArchiveSweepSchedule(dev.client, {
          taskQueue,
          every: '1d',
          scheduleId,
          casesOnTaskQueue: taskQueue,
        });
        const sweep = (previousRuns: number) =>
          triggerScheduleRun<SweepResult>(dev.client, scheduleId, previousRuns, 'a sweep');
        const first = await sweep(0);
        expect(first).toEqual({
          archived: [expect.objectContaining({ caseId, runs: 1, children: 0, ledgerSeq: 1 })],
          skipped: [],
        });
        await expect(
          verifyCaseArchive(archive, caseId, {
            publicKeyPem: fs.readFileSync(publicKeyFileOf(keyFile), 'utf8'),
          }),
        ).resolves.toMatchObject({ ok: true, checked: { runs: 1, headSeq: 1 } });
        await expect(sweep(1)).resolves.toEqual({ archived: [], skipped: [] });
      });
    } finally {
      await dev.client.schedule
        .getHandle(scheduleId)
        .delete()
        .catch(() => undefined);
      s3.destroy();
      await dev.close();
    }
  });
});
