import fc from 'fast-check';
import { mulMod, PERMUTATIONS, signatureOf } from '../../../activities/claims/minhash';

const MERSENNE = 2 ** 31 - 1;
const bigMulMod = (a: number, x: number) => Number((BigInt(a) * BigInt(x)) % BigInt(MERSENNE));

describe('MinHash arithmetic', () => {
  it('computes (a * x) mod 2^31-1 exactly as BigInt arithmetic does', () => {
    const below = fc.integer({ min: 0, max: MERSENNE - 1 });
    const edges = fc.constantFrom(0, 1, 65535, 65536, 65537, MERSENNE - 2, MERSENNE - 1);
    fc.assert(
      fc.property(fc.oneof(below, edges), fc.oneof(below, edges), (a, x) => {
        expect(mulMod(a, x)).toBe(bigMulMod(a, x));
      }),
      { numRuns: 20_000 },
    );
  });

  // Signatures are stored in S3 and compared across releases: this one was computed before the BigInt-free
  // arithmetic, so a change of hash family or arithmetic fails here.
  it('keeps the signatures stored by earlier releases', () => {
    const signature = signatureOf('VIRALKAN!!! bendungan riam kanan jebol, warga martapura harus mengungsi');
    expect(signature).toHaveLength(PERMUTATIONS);
    expect(signature.slice(0, 8)).toEqual(EARLIER_RELEASE_PREFIX);
  });
});

const EARLIER_RELEASE_PREFIX = [1031028, 25743550, 25135224, 60623632, 14561234, 85148776, 169183169, 395712];
