import type { Category } from '../../../domain/categories';

/** A family of generated posts: each item is one frame filled with one seed ({s}), plus {region}/{num}. */
export interface SeedFamily {
  frames: readonly string[];
  seeds: readonly string[];
}

/** One author's seeds: positives per category, hard negatives per category (label none), plain none. */
export interface AuthorSeeds {
  positives: Record<Category, SeedFamily>;
  hardNegatives: Record<Category, SeedFamily>;
  plain: SeedFamily;
}

/** A whole post written out by hand (no frame, no rewrites); tags as in the dataset (hard_negative, near:…). */
export interface HandWrittenItem {
  label: Category | 'none';
  text: string;
  tags?: readonly string[];
}

/** Seeds for a few categories only (an author aimed at one boundary): plans are made for those present. */
export interface FocusedSeeds {
  positives: Partial<Record<Category, SeedFamily>>;
  hardNegatives: Partial<Record<Category, SeedFamily>>;
  plain: SeedFamily;
}
