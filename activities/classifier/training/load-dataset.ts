import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DatasetItem } from './dataset-schema';

export const DATASET_PATH = path.resolve(__dirname, '../../../data/classifier/labelled.jsonl');
export const TEST_HASH_PATH = path.resolve(__dirname, '../../../data/classifier/test-split.sha256');
export const LEGACY_SET_PATH = path.resolve(__dirname, '../../../test/fixtures/classifier/labelled.jsonl');

/** Parses JSON lines with the dataset schema; a bad line names its file and line number. */
export function parseDatasetLines(text: string, origin: string): DatasetItem[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line, index) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`${origin} line ${index + 1}: not JSON`);
      }
      const parsed = DatasetItem.safeParse(json);
      if (!parsed.success) throw new Error(`${origin} line ${index + 1}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}

export function loadDataset(file = DATASET_PATH): DatasetItem[] {
  return parseDatasetLines(fs.readFileSync(file, 'utf8'), path.basename(file));
}

const LegacyItem = z.object({
  id: z.string().min(1),
  label: DatasetItem.shape.label,
  text: z.string().min(1),
  url: z.string().optional(),
  tags: z.array(z.string()).optional(),
});

/** The original 415 items the rules were written with: an extra evaluation set, never trained on. */
export function loadLegacySet(): DatasetItem[] {
  return fs
    .readFileSync(LEGACY_SET_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const item = LegacyItem.parse(JSON.parse(line));
      return {
        id: item.id,
        label: item.label,
        split: 'test' as const,
        source: 'legacy-415',
        text: item.text,
        ...(item.url ? { url: item.url } : {}),
        tags: item.tags ?? [],
      };
    });
}
