/**
 * `npm run bench:codec`: what compressing payloads in the codec does to stored case histories, and what
 * it costs, measured on the replay corpus (test/fixtures/histories/<version>/: histories of every
 * terminal path, recorded on the dev server). Every payload in them is opened and sealed again twice,
 * with compression and without; the two are timed interleaved, in the same run.
 *
 *   npm run bench:codec [-- --version 0.3.1] [--rounds 5]
 */
import { performance } from 'node:perf_hooks';
import type { Payload } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { z } from 'zod';
import { AesGcmPayloadCodec } from '../lib/crypto/aes-gcm-payload-codec';
import { corpusHistories, corpusVersions, readCorpus } from '../test/support/history-corpus';
import { TEST_KEY_RING } from '../test/support/codec/test-codec';

const Args = z.strictObject({
  version: z.string().optional(),
  rounds: z.coerce.number().int().min(1).max(100).default(5),
});

function parseArgs(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, '');
    if (!name || argv[i + 1] === undefined)
      throw new Error('usage: npm run bench:codec -- [--version X.Y.Z] [--rounds N]');
    raw[name] = argv[i + 1]!;
  }
  const parsed = Args.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `bench:codec: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

type History = temporal.api.history.v1.IHistory;

/** Every payload object in a history, to be replaced in place. */
function payloadsOf(value: unknown, found: Payload[] = []): Payload[] {
  if (!value || typeof value !== 'object') return found;
  const record = value as Record<string, unknown>;
  if (record.metadata && 'data' in record && typeof record.metadata === 'object') {
    found.push(record);
    return found;
  }
  for (const child of Object.values(record)) payloadsOf(child, found);
  return found;
}

function sizes(histories: History[]) {
  let bytes = 0;
  let jsonBytes = 0;
  for (const history of histories) {
    bytes += temporal.api.history.v1.History.encode(history).finish().length;
    jsonBytes += Buffer.byteLength(historyToJSON(history));
  }
  return { bytes, jsonBytes };
}

async function resealed(histories: History[], codec: AesGcmPayloadCodec, opener: AesGcmPayloadCodec) {
  const copies = histories.map((history) =>
    temporal.api.history.v1.History.decode(temporal.api.history.v1.History.encode(history).finish()),
  );
  for (const copy of copies) {
    for (const payload of payloadsOf(copy)) {
      const [plain] = await opener.decode([payload]);
      const [sealed] = await codec.encode([plain!]);
      payload.metadata = sealed!.metadata;
      payload.data = sealed!.data;
    }
  }
  return copies;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const version = args.version ?? corpusVersions().at(-1);
  const corpus = readCorpus().filter((entry) => entry.version === version);
  if (corpus.length === 0)
    throw new Error(`bench:codec: no corpus recorded for version ${version} (test/fixtures/histories/)`);
  const histories = corpus.flatMap((entry) =>
    corpusHistories(entry).map(({ history }) => history as History),
  );
  const compressing = new AesGcmPayloadCodec(TEST_KEY_RING);
  const sealingOnly = new AesGcmPayloadCodec(TEST_KEY_RING, { compressFromBytes: Number.MAX_SAFE_INTEGER });

  const plainPayloads: Payload[] = [];
  for (const history of histories)
    for (const payload of payloadsOf(history)) plainPayloads.push((await compressing.decode([payload]))[0]!);

  const before = sizes(await resealed(histories, sealingOnly, compressing));
  const after = sizes(await resealed(histories, compressing, compressing));

  const timing = { compressing: 0, sealingOnly: 0 };
  for (let round = 0; round < args.rounds; round += 1) {
    for (const [name, codec] of [
      ['sealingOnly', sealingOnly],
      ['compressing', compressing],
    ] as const) {
      const started = performance.now();
      await codec.decode(await codec.encode(plainPayloads));
      timing[name] += performance.now() - started;
    }
  }
  const perPayloadUs = (ms: number) => ((ms * 1000) / (args.rounds * plainPayloads.length)).toFixed(1);
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(
    `replay corpus ${version}: ${corpus.length} files, ${histories.length} histories, ${plainPayloads.length} payloads`,
  );
  console.log('| measure | sealed only | deflated, then sealed | ratio |');
  console.log('|---|---|---|---|');
  console.log(
    `| history bytes, protobuf (KB) | ${kb(before.bytes)} | ${kb(after.bytes)} | ${(after.bytes / before.bytes).toFixed(2)} |`,
  );
  console.log(
    `| history bytes, JSON (KB) | ${kb(before.jsonBytes)} | ${kb(after.jsonBytes)} | ${(after.jsonBytes / before.jsonBytes).toFixed(2)} |`,
  );
  console.log(
    `| encode + decode per payload (µs, ${args.rounds} rounds interleaved) | ${perPayloadUs(timing.sealingOnly)} | ${perPayloadUs(timing.compressing)} | ${(timing.compressing / timing.sealingOnly).toFixed(2)} |`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
