import { Detection, DetectionBatch, MAX_DETECTIONS_PER_SIGNAL } from '../../../domain';
import { DetectionCoalescer } from '../../../cases/detection-coalescer';
import {
  prepareDetection,
  type PreparedDetection,
  type SubmittedDetection,
} from '../../../cases/submit-detection';

interface Send {
  prepared: readonly PreparedDetection[];
  settle: (error?: Error) => void;
}

/**
 * Stands in for deliverDetections: checks what it is given as the case workflow's handlers do (the same
 * zod schemas: DetectionBatch for the list, Detection for each item) and settles each send when told.
 */
function signalsToTemporal() {
  const sends: Send[] = [];
  const deliver = (prepared: readonly PreparedDetection[]) => {
    DetectionBatch.parse(prepared.map((p) => p.signal));
    for (const p of prepared) Detection.parse(p.signal);
    if (new Set(prepared.map((p) => p.baseId)).size !== 1) throw new Error('one case per signal');
    return new Promise<SubmittedDetection>((resolve, reject) => {
      sends.push({
        prepared,
        settle: (error) =>
          error
            ? reject(error)
            : resolve({ caseId: `case-${prepared[0]!.baseId}`, generation: 1, runId: 'run' }),
      });
    });
  };
  return { sends, deliver };
}

const ticks = () => new Promise((resolve) => setImmediate(resolve));

const detectionOf = (url: string, n: number) =>
  prepareDetection({
    source: 'crawler',
    reportedBy: 'ais-crawler',
    url,
    observedAt: new Date(Date.UTC(2026, 11, 1, 0, 0, n % 60)).toISOString(),
    detectionId: `item-${n}`,
  });

describe('DetectionCoalescer: one signal per case in flight, every caller answered', () => {
  it('sends a lone detection at once and groups the ones that arrive meanwhile, 100 to a signal', async () => {
    const temporal = signalsToTemporal();
    const coalescer = new DetectionCoalescer(temporal.deliver);
    const viral = 'https://slot.example/promo';
    const answers = Array.from({ length: 251 }, (_, n) => coalescer.submit(detectionOf(viral, n)));
    // Another case is not held behind the viral one.
    const other = coalescer.submit(detectionOf('https://other.example/x', 999));
    await ticks();
    expect(temporal.sends.map((send) => send.prepared.length)).toEqual([1, 1]);
    expect(coalescer.waitingFor(detectionOf(viral, 0).baseId)).toBe(250);

    temporal.sends[1]!.settle();
    await expect(other).resolves.toMatchObject({ generation: 1 });
    temporal.sends[0]!.settle();
    await ticks();
    // Each group goes once the one before it is answered.
    for (let index = 2; index < 5; index += 1) {
      expect(temporal.sends).toHaveLength(index + 1);
      temporal.sends[index]!.settle();
      await ticks();
    }
    expect(temporal.sends.map((send) => send.prepared.length)).toEqual([1, 1, 100, 100, 50]);
    expect(MAX_DETECTIONS_PER_SIGNAL).toBe(100);
    // Every detection went exactly once, in the order it arrived.
    const sentIds = temporal.sends
      .filter((send) => send.prepared[0]!.baseId === detectionOf(viral, 0).baseId)
      .flatMap((send) => send.prepared.map((p) => p.signal.detectionId));
    expect(sentIds).toEqual(Array.from({ length: 251 }, (_, n) => `item-${n}`));
    const settled = await Promise.all(answers);
    expect(new Set(settled.map((answer) => answer.caseId))).toEqual(
      new Set([`case-${detectionOf(viral, 0).baseId}`]),
    );
    expect(coalescer.waitingFor(detectionOf(viral, 0).baseId)).toBe(0);
  });

  it('gives a failed signal’s error to exactly the callers it carried, and sends the next group', async () => {
    const temporal = signalsToTemporal();
    const coalescer = new DetectionCoalescer(temporal.deliver);
    const url = 'https://hoax.example/a';
    const first = coalescer.submit(detectionOf(url, 0));
    const grouped = [1, 2, 3].map((n) => coalescer.submit(detectionOf(url, n)));
    await ticks();
    const later = coalescer.submit(detectionOf(url, 4));
    temporal.sends[0]!.settle();
    await expect(first).resolves.toMatchObject({ generation: 1 });
    await ticks();
    expect(temporal.sends.map((send) => send.prepared.length)).toEqual([1, 4]);
    temporal.sends[1]!.settle(new Error('Temporal unavailable'));
    for (const answer of [...grouped, later]) await expect(answer).rejects.toThrow('Temporal unavailable');
    await ticks();
    // The lane is free again: the next detection goes at once, alone.
    const next = coalescer.submit(detectionOf(url, 5));
    await ticks();
    expect(temporal.sends.map((send) => send.prepared.length)).toEqual([1, 4, 1]);
    temporal.sends[2]!.settle();
    await expect(next).resolves.toMatchObject({ generation: 1 });
  });
});
