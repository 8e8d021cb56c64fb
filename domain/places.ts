import { z } from 'zod';

/** Platforms that receive takedown requests; `website` covers any other host (blocklist path). */
export const PLATFORMS = ['meta', 'x', 'youtube', 'tiktok', 'telegram', 'file_sharing', 'website'] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

/** Kabupaten/kota of Kalimantan Selatan, plus `unknown` when the origin is not known yet. */
export const REGIONS = [
  'banjarmasin',
  'banjarbaru',
  'banjar',
  'barito_kuala',
  'tapin',
  'hulu_sungai_selatan',
  'hulu_sungai_tengah',
  'hulu_sungai_utara',
  'balangan',
  'tabalong',
  'tanah_laut',
  'tanah_bumbu',
  'kotabaru',
  'unknown',
] as const;
export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;

/** The four pillars of digital literacy; every public statement is tagged with one. */
export const LITERACY_PILLARS = [
  'digital_skill',
  'digital_culture',
  'digital_ethics',
  'digital_safety',
] as const;
export const LiteracyPillar = z.enum(LITERACY_PILLARS);
export type LiteracyPillar = z.infer<typeof LiteracyPillar>;
