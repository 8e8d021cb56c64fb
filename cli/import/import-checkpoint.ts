import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** How far an import got: the next byte and line of the input to send, and the tallies so far. */
export const ImportCheckpoint = z.strictObject({
  version: z.literal(1),
  /** The input's absolute path, or "-" for stdin. */
  input: z.string(),
  nextByte: z.number().int().nonnegative(),
  nextLine: z.number().int().positive(),
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime(),
});
export type ImportCheckpoint = z.infer<typeof ImportCheckpoint>;

export function readCheckpoint(file: string): ImportCheckpoint | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`the checkpoint ${file} is not JSON: delete it to import from the start`);
  }
  const parsed = ImportCheckpoint.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `the checkpoint ${file} is not an import checkpoint (${parsed.error.issues[0]?.message ?? 'invalid'}): delete it to import from the start`,
    );
  return parsed.data;
}

/** Written to a temporary file and renamed over the old one: a crash leaves the old checkpoint or the new, never half. */
export function writeCheckpoint(file: string, checkpoint: ImportCheckpoint): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, `${JSON.stringify(checkpoint)}\n`);
  fs.renameSync(temporary, file);
}
