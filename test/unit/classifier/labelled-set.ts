import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CATEGORIES } from '../../../domain/categories';
import type { LabelledItem } from '../../../activities/classifier/evaluate';

const Item = z.object({
  id: z.string().min(1),
  label: z.enum([...CATEGORIES, 'none']),
  lang: z.enum(['id', 'en', 'mixed']),
  text: z.string().min(1),
  url: z.url().optional(),
  tags: z.array(z.enum(['obfuscated', 'hard_negative'])).optional(),
});

export const LABELLED_SET_PATH = path.resolve(__dirname, '../../fixtures/classifier/labelled.jsonl');

export function loadLabelledSet(): LabelledItem[] {
  return fs
    .readFileSync(LABELLED_SET_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, index) => {
      const parsed = Item.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`labelled.jsonl line ${index + 1}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}
