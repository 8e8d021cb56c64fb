import type { Category } from '../../domain/categories';
import type { Platform } from '../../domain/places';
import { pick, seededRandom } from '../../lib/seeded-random';

/**
 * A peak day's detections, reproducible from a seed: the national category mix (Komdigi, Oct 2024 -
 * Oct 2025: gambling 78 %, pornography 20 %, fraud and the rest 2 %), a share of repeat detections of
 * content already reported, and a platform profile per item carried in its URL as the platform
 * simulator's markers (sim-never: the platform ignores the order, sim-object: it objects).
 * The profile: 90 % comply, 5 % ignore (the SAMAN ladder runs to ST3), 5 % object (a supervisor decides).
 */
export const NATIONAL_MIX: { category: Category; share: number }[] = [
  { category: 'online_gambling', share: 0.78 },
  { category: 'pornography', share: 0.2 },
  { category: 'fraud', share: 0.012 },
  { category: 'other_illegal', share: 0.008 },
];

export const PLATFORM_PROFILE = { comply: 0.9, ignore: 0.05, object: 0.05 } as const;
export type PlatformAnswer = keyof typeof PLATFORM_PROFILE;

export interface DayDetection {
  /** The NDJSON line as the crawler sends it to POST /api/detections/batch (the API names the crawler as source). */
  line: {
    detectionId: string;
    url: string;
    platform: Platform;
    observedAt: string;
    suggestedCategory: Category;
    text: string;
  };
  category: Category;
  answer: PlatformAnswer;
  /** True when the URL was already sent earlier in the day. */
  repeat: boolean;
}

const TEXT: Partial<Record<Category, string[]>> = {
  online_gambling: [
    'Slot gacor maxwin hari ini, deposit pulsa 10rb',
    'Situs judi online terpercaya, bonus new member 100%',
  ],
  pornography: [
    'Video dewasa lengkap tanpa sensor, klik tautan',
    'Konten dewasa viral, nonton gratis di sini',
  ],
  fraud: [
    'Selamat! Anda menang undian, transfer biaya admin dulu',
    'Pinjaman cepat tanpa jaminan, kirim foto KTP',
  ],
  other_illegal: ['Jual data pribadi lengkap, hubungi admin'],
};

const PLATFORMS_BY_CATEGORY: Record<string, Platform[]> = {
  online_gambling: ['website', 'website', 'website', 'meta', 'x', 'telegram'],
  pornography: ['website', 'x', 'telegram', 'file_sharing'],
  fraud: ['meta', 'website', 'tiktok'],
  other_illegal: ['website', 'youtube'],
};

function weighted<T>(random: () => number, rows: { value: T; share: number }[]): T {
  let roll = random() * rows.reduce((sum, row) => sum + row.share, 0);
  for (const row of rows) {
    roll -= row.share;
    if (roll < 0) return row.value;
  }
  return rows[rows.length - 1]!.value;
}

/** `count` detections, `repeatShare` of them repeats of an earlier URL of the day (same URL, new item id). */
export function generateDay(options: {
  count: number;
  repeatShare: number;
  seed: number;
  runTag: string;
  /** Where the content lives: the platform simulator's /content pages, so snapshots and liveness checks stay local. */
  contentBase: string;
}): DayDetection[] {
  const random = seededRandom(options.seed);
  const day: DayDetection[] = [];
  const firsts: DayDetection[] = [];
  const observedAt = new Date().toISOString();
  for (let i = 0; i < options.count; i += 1) {
    const detectionId = `peak-${options.runTag}-${i}`;
    if (firsts.length > 0 && random() < options.repeatShare) {
      const original = pick(random, firsts);
      day.push({ ...original, repeat: true, line: { ...original.line, detectionId } });
      continue;
    }
    const category = weighted(
      random,
      NATIONAL_MIX.map((row) => ({ value: row.category, share: row.share })),
    );
    const answer = weighted(
      random,
      Object.entries(PLATFORM_PROFILE).map(([value, share]) => ({ value: value as PlatformAnswer, share })),
    );
    const platform = pick(random, PLATFORMS_BY_CATEGORY[category]!);
    const marker = answer === 'ignore' ? '-sim-never' : answer === 'object' ? '-sim-object' : '';
    const item: DayDetection = {
      category,
      answer,
      repeat: false,
      line: {
        detectionId,
        url: `${options.contentBase}/content/${category}-${options.runTag}-${i}${marker}`,
        platform,
        observedAt,
        suggestedCategory: category,
        text: pick(random, TEXT[category] ?? ['Konten ilegal']),
      },
    };
    firsts.push(item);
    day.push(item);
  }
  return day;
}
