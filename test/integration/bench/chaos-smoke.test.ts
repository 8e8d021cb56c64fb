import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChaosArgs, runChaos } from '../../../bench/peak/chaos/run-chaos';

/** The short form of `npm run chaos`: two faults on a small day (CHAOS_SMOKE_DETECTIONS, default 60). */
const DETECTIONS = Number(process.env.CHAOS_SMOKE_DETECTIONS ?? 60);
/**
 * Minutes, not seconds, on a shared machine (the chaos pair took 17.6 min at a load average of 29):
 * over the CI budget, so it runs when SARING_BENCH_SMOKE=1 (the CI job that may spend the time sets it).
 */
const whenAsked = process.env.SARING_BENCH_SMOKE === '1' ? describe : describe.skip;

whenAsked('npm run chaos, short form', () => {
  it(
    'loses no case and acts on no outward write twice when the worker is killed in every stage and the SMTP sink is down',
    async () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chaos-smoke-'));
      try {
        const rows = await runChaos(
          ChaosArgs.parse({
            faults: 'worker-kill,smtp-down',
            detections: DETECTIONS,
            outageSeconds: 20,
            out,
          }),
          () => undefined,
        );
        expect(rows.map((row) => row.fault)).toEqual(['worker-kill', 'smtp-down']);
        for (const row of rows) {
          expect(row.injected.length).toBeGreaterThan(0);
          expect(row).toMatchObject({ closed: row.uniqueCases, failed: 0, lost: 0 });
          expect(row.outward.duplicates).toEqual([]);
          expect(row.outward.mailsMissing).toEqual([]);
          expect(row.outward.notifications).toBeGreaterThan(0);
        }
        // Every kill was followed by the supervisor's restart.
        expect(rows[0]!.workerRestarts).toBe(rows[0]!.injected.length);
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    },
    60 * 60_000,
  );
});
