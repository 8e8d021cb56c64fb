import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AUTHOR_A } from '../../../data/classifier/seeds/author-a';
import { AUTHOR_B } from '../../../data/classifier/seeds/author-b';
import { AUTHOR_C } from '../../../data/classifier/seeds/author-c';
import { AUTHOR_D, AUTHOR_D_HAND_WRITTEN } from '../../../data/classifier/seeds/author-d';
import { AUTHOR_E, AUTHOR_E_HAND_WRITTEN } from '../../../data/classifier/seeds/author-e';
import { AUTHOR_F, AUTHOR_F_HAND_WRITTEN } from '../../../data/classifier/seeds/author-f';
import { NEUTRAL_WRAPPERS } from '../../../data/classifier/seeds/neutral-wrappers';
import type {
  AuthorSeeds,
  FocusedSeeds,
  HandWrittenItem,
  SeedFamily,
} from '../../../data/classifier/seeds/types';
import { CATEGORIES } from '../../../domain/categories';
import type { DatasetItem, Label, Split } from './dataset-schema';
import { DATASET_PATH, TEST_HASH_PATH } from './load-dataset';
import { pick, seededRandom } from '../../../lib/seeded-random';
import { REWRITES, shorten } from './perturb';
import { HEAVY_REWRITES } from './heavy-obfuscation';

const REGIONS = ['Banjarmasin', 'Banjarbaru', 'Martapura', 'Barabai', 'Tanjung', 'Kotabaru', 'Pelaihari'];
type Author = 'a' | 'b' | 'c' | 'd' | 'e' | 'f';
const USERS = ['budi_bjm', 'acil.ramlah', 'mas_joko88', 'teh.euis', 'abg_kl', 'rina.banjarbaru'];

const FILLER: Record<Author, readonly string[]> = {
  a: [
    'Tadi pagi saya baca ini di grup keluarga.',
    'Mohon maaf kalau kepanjangan.',
    'Semoga bermanfaat untuk kita semua.',
    'Terima kasih sudah membaca sampai habis.',
  ],
  b: [
    'Ulun dapat ini dari kawan sekantor, baca sampai tuntung.',
    'Panjang tapi penting, luangkan waktu sebentar.',
    'Maaf ganggu malam-malam.',
    'Thread 🧵 1/3.',
  ],
  c: [
    'Copas dari fb, cek sendiri.',
    'Minta tolong dibaca dulu sebelum komen, panjang tapi penting buat kita barataan.',
    'Up.',
    'Baru dapat pagi ini, aku teruskan saja.',
    'Sori OOT.',
  ],
  d: [
    'Mohon maaf kalau sudah ada yang kirim.',
    'Baca dulu sampai habis ya dulur, jangan cuma judulnya.',
    'Nyuwun sewu, cuma mau berbagi info.',
    'Long post, grab your coffee ☕.',
    'Punten, numpang lewat.',
  ],
  e: [
    'Maaf kalau sudah ada yang share.',
    'Cek dulu sebelum percaya, tapi ini yang ulun dapat.',
    'Panjang, baca pelan-pelan.',
    'Numpang share di sini ya.',
  ],
  f: [
    'Numpang lapak ya min.',
    'Baca sampai habis sebelum tanya.',
    'Maaf kalau melanggar aturan grup.',
    'Dapat dari grup jual beli sebelah.',
  ],
};

interface Plan {
  author: Author;
  label: Label;
  family: SeedFamily;
  count: number;
  tags: string[];
}

function fill(frame: string, seed: string, random: () => number): string {
  return frame
    .replace('{s}', seed)
    .replace(/\{region\}/g, () => pick(random, REGIONS))
    .replace(/\{user\}/g, () => pick(random, USERS))
    .replace(/\{num\}/g, () => String(10_000_000 + Math.floor(random() * 89_999_999)));
}

/** One post: a frame around a seed, then zero to two rewrites, sometimes cut short or padded long. */
function compose(plan: Plan, random: () => number): { text: string; tags: string[]; seedIndex: number } {
  const seedIndex = Math.floor(random() * plan.family.seeds.length);
  const seed = plan.family.seeds[seedIndex]!;
  let text = fill(pick(random, plan.family.frames), fill('{s}', seed, random), random);
  const tags = [...plan.tags];
  const length = random();
  // A wrapped copy cut to caption length would keep only the wrapper: a post with no content but a label.
  if (length < 0.15 && !plan.tags.includes('wrapped')) {
    text = shorten(text, random);
    tags.push('short');
  } else if (length > 0.85) {
    text = `${pick(random, FILLER[plan.author])} ${text}. ${pick(random, FILLER[plan.author])}`;
    tags.push('long');
  }
  const names = Object.keys(REWRITES);
  const rewrites = random() < 0.35 ? 0 : random() < 0.6 ? 1 : 2;
  for (let i = 0; i < rewrites; i++) {
    const name = pick(random, names);
    if (tags.includes(name)) continue;
    text = REWRITES[name]!(text, random);
    tags.push(name);
  }
  // Author D only: one heavier disguise on about a third of its posts (authors A-C are unchanged).
  if (plan.author === 'd' && random() < 0.35) {
    const name = pick(random, Object.keys(HEAVY_REWRITES));
    text = HEAVY_REWRITES[name]!(text, random);
    tags.push(name);
  }
  return { text, tags, seedIndex };
}

/** The same author's seeds of every label inside that author's label-neutral wrappers (training only). */
function wrapped(author: 'a' | 'c' | 'd', seeds: AuthorSeeds): AuthorSeeds {
  const wrap = (family: SeedFamily): SeedFamily => ({
    frames: NEUTRAL_WRAPPERS[author],
    seeds: family.seeds,
  });
  const each = (families: AuthorSeeds['positives']) =>
    Object.fromEntries(
      CATEGORIES.map((category) => [category, wrap(families[category])]),
    ) as AuthorSeeds['positives'];
  return {
    positives: each(seeds.positives),
    hardNegatives: each(seeds.hardNegatives),
    plain: wrap(seeds.plain),
  };
}

function plans(
  author: Author,
  seeds: AuthorSeeds,
  sizes: { positive: number; hard: number; plain: number },
  extraTags: readonly string[] = [],
) {
  const list: Plan[] = [];
  for (const category of CATEGORIES) {
    list.push({
      author,
      label: category,
      family: seeds.positives[category],
      count: sizes.positive,
      tags: [...extraTags],
    });
    list.push({
      author,
      label: 'none',
      family: seeds.hardNegatives[category],
      count: sizes.hard,
      tags: ['hard_negative', `near:${category}`, ...extraTags],
    });
  }
  list.push({ author, label: 'none', family: seeds.plain, count: sizes.plain, tags: [...extraTags] });
  return list;
}

/**
 * Author B is the test split. Within authors A and C, every fifth seed of a family (by position) goes to
 * the calibration split with all its posts, so calibration, like test, sees claims the model was not
 * fitted on. Authors C and D never reach the test split.
 */
function splitFor(author: Author, seedIndex: number): Split {
  if (author === 'b') return 'test';
  return seedIndex % 5 === 2 ? 'calibration' : 'train';
}

/** Plans for an author aimed at a few categories: a count per category present, for positives and hard negatives. */
function focusedPlans(
  author: Author,
  seeds: FocusedSeeds,
  sizes: { positive: Partial<Record<Label, number>>; hard: Partial<Record<Label, number>>; plain: number },
): Plan[] {
  const list: Plan[] = [];
  for (const category of CATEGORIES) {
    const positives = seeds.positives[category];
    if (positives)
      list.push({
        author,
        label: category,
        family: positives,
        count: sizes.positive[category] ?? 0,
        tags: [],
      });
    const hard = seeds.hardNegatives[category];
    if (hard)
      list.push({
        author,
        label: 'none',
        family: hard,
        count: sizes.hard[category] ?? 0,
        tags: ['hard_negative', `near:${category}`],
      });
  }
  list.push({ author, label: 'none', family: seeds.plain, count: sizes.plain, tags: [] });
  return list;
}

const WRAPPED_SIZES = { positive: 8, hard: 4, plain: 6 };

function addPlans(all: readonly Plan[], items: DatasetItem[], seen: Set<string>): void {
  for (const plan of all) {
    const random = seededRandom(
      createHash('sha256')
        .update(`${plan.author}:${plan.label}:${plan.tags.join()}`)
        .digest()
        .readUInt32LE(0),
    );
    let made = 0;
    for (let attempt = 0; made < plan.count && attempt < plan.count * 20; attempt++) {
      const { text, tags, seedIndex } = compose(plan, random);
      // Wrapped copies are for fitting only: a calibration seed's claim must stay unseen by the fit.
      if (plan.tags.includes('wrapped') && splitFor(plan.author, seedIndex) !== 'train') continue;
      if (seen.has(text.toLowerCase())) continue;
      seen.add(text.toLowerCase());
      const near = plan.tags.find((tag) => tag.startsWith('near:'))?.slice(5);
      const kind = `${plan.tags.includes('wrapped') ? 'wrap-' : ''}${near ? `hn-${near}` : plan.label}`;
      const id = `${plan.author}-${kind}-${String(++made).padStart(3, '0')}`;
      items.push({
        id,
        label: plan.label,
        split: splitFor(plan.author, seedIndex),
        source: `author-${plan.author}`,
        text,
        tags,
      });
    }
  }
}

/** Whole posts written by hand: every fifth goes to calibration, the rest to train (never test). */
function addHandWritten(
  author: 'd' | 'e' | 'f',
  posts: readonly HandWrittenItem[],
  items: DatasetItem[],
  seen: Set<string>,
): void {
  posts.forEach((post, index) => {
    if (seen.has(post.text.toLowerCase())) return;
    seen.add(post.text.toLowerCase());
    items.push({
      id: `${author}-hand-${String(index + 1).padStart(3, '0')}`,
      label: post.label,
      split: index % 5 === 2 ? 'calibration' : 'train',
      source: `author-${author}`,
      text: post.text,
      tags: ['hand_written', ...(post.tags ?? [])],
    });
  });
}

/** Deterministic: the same seeds give byte-identical output. */
export function generateDataset(): DatasetItem[] {
  const items: DatasetItem[] = [];
  const seen = new Set<string>();
  const all = [
    ...plans('a', AUTHOR_A, { positive: 110, hard: 30, plain: 80 }),
    ...plans('b', AUTHOR_B, { positive: 40, hard: 14, plain: 40 }),
    // Author C comes last, so its posts cannot displace a test item in the duplicate check.
    ...plans('c', AUTHOR_C, { positive: 60, hard: 24, plain: 60 }),
    // Author D likewise (issue 15): templated posts, then its hand-written whole posts below.
    ...plans('d', AUTHOR_D, { positive: 40, hard: 20, plain: 40 }),
    // Issue 15: every author's seeds inside its own label-neutral wrappers (train/calibration only).
    ...(['a', 'c', 'd'] as const).flatMap((author) =>
      plans(author, wrapped(author, { a: AUTHOR_A, c: AUTHOR_C, d: AUTHOR_D }[author]), WRAPPED_SIZES, [
        'wrapped',
      ]),
    ),
  ];
  addPlans(all, items, seen);
  addHandWritten('d', AUTHOR_D_HAND_WRITTEN, items, seen);
  // Author E (issue 15) comes after everything above, so it cannot change or displace any earlier item.
  addPlans(plans('e', AUTHOR_E, { positive: 30, hard: 20, plain: 30 }), items, seen);
  addHandWritten('e', AUTHOR_E_HAND_WRITTEN, items, seen);
  // Author F (issue 15: the fraud / other illegal trade boundary) comes last for the same reason.
  addPlans(
    focusedPlans('f', AUTHOR_F, {
      positive: { other_illegal: 120, fraud: 110, online_gambling: 30 },
      hard: { other_illegal: 80, fraud: 60, online_gambling: 20 },
      plain: 20,
    }),
    items,
    seen,
  );
  addHandWritten('f', AUTHOR_F_HAND_WRITTEN, items, seen);
  return items;
}

export function serialize(items: readonly DatasetItem[]): string {
  return items.map((item) => JSON.stringify(item)).join('\n') + '\n';
}

/** SHA-256 over the test split's lines, in file order: committed, and checked by a test. */
export function testSplitHash(items: readonly DatasetItem[]): string {
  return createHash('sha256')
    .update(serialize(items.filter((item) => item.split === 'test')))
    .digest('hex');
}

if (require.main === module) {
  const items = generateDataset();
  fs.writeFileSync(DATASET_PATH, serialize(items));
  fs.writeFileSync(TEST_HASH_PATH, `${testSplitHash(items)}\n`);
  const count = (split: Split) => items.filter((item) => item.split === split).length;
  console.log(
    `wrote ${items.length} items to ${path.relative(process.cwd(), DATASET_PATH)}: train ${count('train')}, calibration ${count('calibration')}, test ${count('test')}`,
  );
}
