import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createReporterVault } from '../../../api/vault-config';
import { newReporterRef } from '../../../api/reporter-vault';
import {
  CaseContactErasure,
  contactErasureActivities,
  erasureLogKey,
} from '../../../activities/contact-erasure-activities';
import { createS3Client } from '../../../config/s3';
import { ensureContactErasureSchedule } from '../../../workers/contact-erasure-schedule';
import type { ContactErasureResult } from '../../../workflows/contact-erasure';
import { triggerScheduleRun, waitForListed } from '../../support/servers/dev-schedules';
import { closeWithoutViolation, devScheduleWorker } from '../../support/workers/dev-schedule-worker';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createEvidenceBucket, uniqueName } from '../../support/activities/activities-harness';
import { testVaultConfig, vaultObjects } from '../../support/vault/test-vault';
import { connectDevServer, detectionOf, uniqueUrl, waitForCase } from '../../support/case-test-kit';

/** Short enough for a test, long enough that the first run comes before the closed case is due. */
const ERASE_AFTER_SECONDS = 6;

/**
 * UU PDP: the erasure Schedule on the dev server erases a closed case's reporter contacts once the case
 * has been closed for the configured time, keeps an open case's, and logs each erasure without a contact.
 */
describe('the scheduled reporter contact erasure (a Temporal Schedule on the dev server)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-erasure-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('erases a closed case contacts after the delay, keeps an open case contacts, and logs each erasure', async () => {
    const dev = await connectDevServer();
    const vaultConfig = await testVaultConfig(dir);
    const vault = createReporterVault(vaultConfig);
    const s3 = createS3Client(vaultConfig.s3);
    const auditBucket = await createEvidenceBucket(s3, uniqueName('erasure-audit'), true);
    const logLines: string[] = [];
    const { worker, taskQueue, cases } = await devScheduleWorker(
      dev,
      'contact-erasure',
      contactErasureActivities({
        client: dev.client,
        s3,
        bucket: vaultConfig.bucket,
        prefix: vaultConfig.prefix,
        auditBucket,
        log: (line) => logLines.push(line),
      }),
    );
    const scheduleId = uniqueName('erasure-schedule');
    const runErasure = (previousRuns: number) =>
      triggerScheduleRun<ContactErasureResult>(dev.client, scheduleId, previousRuns, 'an erasure');
    try {
      await worker.runUntil(async () => {
        const closed = await cases.submitDetection(
          detectionOf({ url: uniqueUrl('berita.example', 'tutup') }),
        );
        const open = await cases.submitDetection(detectionOf({ url: uniqueUrl('berita.example', 'buka') }));
        const closedRefs = [newReporterRef(), newReporterRef()];
        const openRef = newReporterRef();
        const contact = (n: number) => ({ name: `Pelapor ${n}`, email: `pelapor${n}@contoh.id` });
        await vault.store({ reporterRef: closedRefs[0]!, caseId: closed.caseId, contact: contact(1) });
        await vault.store({
          reporterRef: closedRefs[1]!,
          caseId: closed.caseId,
          contact: contact(2),
          signalled: false,
        });
        await vault.store({ reporterRef: openRef, caseId: open.caseId, contact: contact(3) });

        await waitForCase(cases, open.caseId, (state) => state.stage === 'verification', 'verification');
        await closeWithoutViolation(cases, closed.caseId);
        const closedAt = Date.now();
        await waitForListed(
          dev.client,
          `WorkflowId = '${closed.caseId}' AND ExecutionStatus = 'Completed'`,
          1,
          'the closed case in visibility',
        );

        await ensureContactErasureSchedule(dev.client, {
          taskQueue,
          after: `${ERASE_AFTER_SECONDS}s`,
          every: '1d',
          scheduleId,
          casesOnTaskQueue: taskQueue,
        });
        // Closed, but not long enough ago: nothing is erased yet.
        const early = await runErasure(0);
        expect(Date.now() - closedAt).toBeLessThan(ERASE_AFTER_SECONDS * 1000);
        expect(early.erased).toEqual([]);
        await expect(vault.readContact(closedRefs[0]!)).resolves.toEqual(contact(1));

        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, closedAt + ERASE_AFTER_SECONDS * 1000 + 500 - Date.now())),
        );
        const due = await runErasure(1);
        expect(due.erased).toEqual([
          expect.objectContaining({
            caseId: closed.caseId,
            by: 'schedule',
            reporterRefs: [...closedRefs].sort().map((reporterRef) => ({ reporterRef, recordDeleted: true })),
          }),
        ]);
        for (const ref of closedRefs) await expect(vault.readContact(ref)).resolves.toBeUndefined();
        await expect(vault.readContact(openRef)).resolves.toEqual(contact(3));
        // The tracking code's case is still found; the complaint counts stay (they hold no contact).
        await expect(vault.complaintsFor(closed.caseId)).resolves.toEqual({ signalled: 1, held: 1 });

        // Each erasure is logged (case, reference, when, by the schedule) and the log holds no contact.
        const logged = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
        expect(logged).toEqual(
          [...closedRefs].sort().map((reporterRef): unknown =>
            expect.objectContaining({
              event: 'reporter_contact_erased',
              by: 'schedule',
              caseId: closed.caseId,
              reporterRef,
              at: expect.any(String),
            }),
          ),
        );
        const stored = await s3.send(
          new GetObjectCommand({ Bucket: auditBucket, Key: erasureLogKey(closed.caseId) }),
        );
        const erasureLog = await stored.Body!.transformToString('utf8');
        expect(CaseContactErasure.parse(JSON.parse(erasureLog))).toEqual(due.erased[0]);
        // Nothing left in the vault holds a closed case's contact; the open case's record is still sealed.
        const objects = [...(await vaultObjects(vaultConfig)).keys()];
        for (const ref of closedRefs) expect(objects.join('\n')).not.toContain(`records/${ref}`);
        expect(objects).toContain(`${vaultConfig.prefix}records/${openRef}.json`);
        for (const text of [...logLines, erasureLog]) {
          expect(text).not.toContain('pelapor');
          expect(text).not.toContain('Pelapor');
        }

        // Idempotent: the next run finds nothing more to erase.
        await expect(runErasure(2)).resolves.toMatchObject({ erased: [] });
        expect(logLines).toHaveLength(2);
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
