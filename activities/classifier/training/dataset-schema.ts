import { z } from 'zod';
import { CATEGORIES } from '../../../domain/categories';

export const LABELS = [...CATEGORIES, 'none'] as const;
export const Label = z.enum(LABELS);
export type Label = z.infer<typeof Label>;

export const SPLITS = ['train', 'calibration', 'test'] as const;
export const Split = z.enum(SPLITS);
export type Split = z.infer<typeof Split>;

/** One line of data/classifier/labelled.jsonl (and of a verdict-derived example). */
export const DatasetItem = z.object({
  id: z.string().min(1),
  label: Label,
  split: Split,
  source: z.string().min(1),
  text: z.string().min(1),
  url: z.string().optional(),
  tags: z.array(z.string()),
});
export type DatasetItem = z.infer<typeof DatasetItem>;
