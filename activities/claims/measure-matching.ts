import { AUTHOR_A } from '../../data/classifier/seeds/author-a';
import { AUTHOR_B } from '../../data/classifier/seeds/author-b';
import type { SeedFamily } from '../../data/classifier/seeds/types';
import { REWRITES } from '../classifier/training/perturb';
import { pick, seededRandom } from '../../lib/seeded-random';
import { ClaimIndex, MATCH_THRESHOLD } from './claim-index';
import { signatureOf } from './minhash';
import { PARAPHRASES, SAME_TOPIC_DIFFERENT_CLAIMS } from './paraphrase-pairs';

type Pair = { a: string; b: string; same: boolean };

/** Three reworded posts per hoax seed: a different frame and one or two rewrites (slang, typos, obfuscation…). */
function variantPairs(family: SeedFamily, seed: number): Pair[] {
  const random = seededRandom(seed);
  const names = Object.keys(REWRITES);
  const variants = family.seeds.map((claim) =>
    [0, 1, 2].map(() => {
      let text = pick(random, family.frames).replace('{s}', claim).replace('{region}', 'Banjarmasin');
      for (let i = 0; i < 1 + Math.floor(random() * 2); i++)
        text = REWRITES[pick(random, names)]!(text, random);
      return text;
    }),
  );
  const pairs: Pair[] = [];
  variants.forEach((own, i) => {
    pairs.push({ a: own[0]!, b: own[1]!, same: true }, { a: own[1]!, b: own[2]!, same: true });
    variants.forEach((other, j) => {
      if (j > i) pairs.push({ a: own[0]!, b: other[0]!, same: false });
    });
  });
  return pairs;
}

function score(pairs: readonly Pair[], threshold: number) {
  let tp = 0;
  let fp = 0;
  for (const pair of pairs) {
    // Through the index (LSH bands included), as intake would look a claim up.
    const index = new ClaimIndex();
    index.add({ caseId: 'a', status: 'clarified', signature: signatureOf(pair.a) });
    const linked = index.match(pair.b, threshold) !== undefined;
    if (linked && pair.same) tp++;
    else if (linked) fp++;
  }
  const positives = pairs.filter((p) => p.same).length;
  return {
    pairs: `${positives} same / ${pairs.length - positives} different`,
    precision: tp + fp === 0 ? Number.NaN : tp / (tp + fp),
    recall: tp / positives,
  };
}

const sets: [string, Pair[]][] = [
  ['author A hoax rewrites (threshold chosen here)', variantPairs(AUTHOR_A.positives.hoax, 1)],
  ['author B hoax rewrites', variantPairs(AUTHOR_B.positives.hoax, 2)],
  [
    'hand-written paraphrases vs same-topic claims',
    [
      ...PARAPHRASES.map(([a, b]) => ({ a, b, same: true })),
      ...SAME_TOPIC_DIFFERENT_CLAIMS.map(([a, b]) => ({ a, b, same: false })),
    ],
  ],
];

console.log('Claim matching (MinHash 128, 64 LSH bands), `npm run claims:eval`:\n');
console.log('| pair set | pairs | threshold | precision | recall |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, pairs] of sets)
  for (const threshold of [0.2, MATCH_THRESHOLD, 0.4, 0.5]) {
    const s = score(pairs, threshold);
    console.log(
      `| ${name} | ${s.pairs} | ${threshold} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} |`,
    );
  }
