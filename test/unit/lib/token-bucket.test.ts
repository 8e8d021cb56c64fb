import { TokenBucket } from '../../../lib/token-bucket';

describe('TokenBucket', () => {
  it('lets a burst through, then books each next token one interval later, in arrival order', () => {
    let now = 1_000;
    const bucket = new TokenBucket(4, 2, () => now);
    expect([bucket.reserve(), bucket.reserve()]).toEqual([0, 0]);
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([250, 500, 750]);
    now += 750;
    // The three booked tokens have come due; the bucket is empty again, not saved up.
    expect(bucket.reserve()).toBe(250);
  });

  it('saves up at most `burst` tokens over a quiet spell', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    for (let i = 0; i < 3; i += 1) bucket.reserve();
    now += 60_000;
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 0, 100]);
  });

  it('gives a released booking to the next caller', () => {
    const bucket = new TokenBucket(1, 1, () => 0);
    bucket.reserve();
    expect(bucket.reserve()).toBe(1_000);
    bucket.release();
    expect(bucket.reserve()).toBe(1_000);
  });

  it('refuses a rate or burst that cannot work', () => {
    expect(() => new TokenBucket(0, 1)).toThrow(/rate > 0/);
    expect(() => new TokenBucket(1, 0)).toThrow(/burst >= 1/);
  });
});
