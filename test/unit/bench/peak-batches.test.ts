import { batchLinesFor } from '../../../bench/peak/run-peak';

describe('bench:peak batches', () => {
  it('keeps both batch lanes busy on a short day and sends the full day in 1,000-line batches', () => {
    // 500 detections: 8 batches of 63, so 2 batches (32 detections) are in flight, as on the bare side.
    expect(batchLinesFor(500)).toBe(63);
    expect(Math.ceil(500 / batchLinesFor(500))).toBeGreaterThanOrEqual(2);
    expect(batchLinesFor(14_238)).toBe(1_000);
    expect(batchLinesFor(3)).toBe(1);
  });
});
