import fs from 'node:fs';
import path from 'node:path';
import { classify } from '../activities/classifier/classify';
import { canonicalizeUrl } from '../lib/url/canonicalize';
import { REPO_ROOT } from '../toolchain/paths';
import { measure, type Measurement } from './measure';

const PEAK_ITEMS_PER_DAY = 14_200;

/** Disguises text the way gambling spam does: leetspeak, spaced letters, a zero-width space, Cyrillic a/o. */
function obfuscate(text: string): string {
  return text
    .replace(/a/g, 'а')
    .replace(/o/g, '0')
    .replace(/e/g, '3')
    .replace(/slot/gi, 's l o t')
    .replace(/ /g, (space, offset: number) => (offset % 7 === 0 ? '\u200b ' : space));
}

export function runClassifierBench(): Measurement[] {
  const texts = fs
    .readFileSync(path.join(REPO_ROOT, 'test/fixtures/classifier/labelled.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const disguised = texts.map(obfuscate);
  const urls = texts.map(
    (_, i) => `https://M.Facebook.com:443/groups/${i}/posts/${i * 7}/?fbclid=abc${i}&utm_source=wa#top`,
  );

  const plain = measure('classify: labelled texts as written', texts.length, () =>
    texts.forEach((text) => classify({ text })),
  );
  const obfuscated = measure('classify: same texts obfuscated', texts.length, () =>
    disguised.forEach((text) => classify({ text })),
  );
  const canonical = measure('canonicalize URL (tracking params, m., port)', urls.length, () =>
    urls.forEach((url) => canonicalizeUrl(url)),
  );
  const perDay = Math.round(Math.min(plain.itemsPerSecond, obfuscated.itemsPerSecond) * 86_400);
  console.log(
    `  one core classifies ~${perDay.toLocaleString('en')} items/day: ${(perDay / PEAK_ITEMS_PER_DAY).toFixed(0)}x the reported peak of ${PEAK_ITEMS_PER_DAY.toLocaleString('en')} gambling items/day`,
  );
  console.log(`  obfuscated/plain time ratio: ${(obfuscated.msPerItem / plain.msPerItem).toFixed(2)}`);
  return [plain, obfuscated, canonical];
}
