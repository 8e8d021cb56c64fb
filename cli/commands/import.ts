import { z } from 'zod';
import { defineCommand } from '../command';
import { progressPrinter } from '../import/import-progress';
import { runImport } from '../import/run-import';

const MAX_LINE_BYTES = 64 * 1024;

export const importCommand = defineCommand({
  words: ['import'],
  summary: 'send an NDJSON file of detections (crawler feed) in batches, resumable',
  usage: 'saring import <file> [--batch-size <n>] [--checkpoint <file>] [--rejects <file>]',
  help: [
    'One detection JSON object per line (the fields of `saring detect` plus a required detectionId); "-" reads stdin.',
    'Progress (bytes and lines per second, ETA) goes to stderr. After each batch the checkpoint',
    '(<file>.checkpoint.json) moves on: run the same command again after an interruption to resume.',
    'A line resent after an interruption counts once (its detectionId). Rejected lines and why go to',
    '<file>.rejects.jsonl. --batch-size: lines per request, 1-10000 (default 500).',
  ].join('\n'),
  positionals: z.tuple([z.string().min(1, 'give the NDJSON file to import, or - for stdin')]),
  flags: z.strictObject({
    batchSize: z.coerce.number().int().min(1).max(10_000).default(500),
    checkpoint: z.string().min(1).optional(),
    rejects: z.string().min(1).optional(),
  }),
  async run({ args: [input], flags, ctx }) {
    const printer = progressPrinter(process.stderr);
    const summary = await runImport({
      api: ctx.api(),
      input,
      checkpointFile: flags.checkpoint ?? (input === '-' ? undefined : `${input}.checkpoint.json`),
      rejectsFile: flags.rejects ?? (input === '-' ? 'stdin.rejects.jsonl' : `${input}.rejects.jsonl`),
      batchSize: flags.batchSize,
      maxLineBytes: MAX_LINE_BYTES,
      onProgress: (line, final) => printer.update(line, final),
      onNotice: (text) => ctx.err(`saring import: ${text}`),
    });
    printer.done();
    if (ctx.json) ctx.out(JSON.stringify(summary));
    else
      ctx.out(
        `imported ${summary.input}: ${summary.accepted} accepted, ${summary.rejected} rejected` +
          `${summary.rejected ? ` (see ${summary.rejectsFile})` : ''}; ${summary.sentThisRun} lines sent in this run from line ${summary.resumedAtLine}, ${summary.seconds.toFixed(1)} s`,
      );
    return summary.rejected > 0 ? 1 : 0;
  },
});
