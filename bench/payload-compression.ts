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
import { parseFlags } from './peak/peak-args';
import { AesGcmPayloadCodec } from '../lib/crypto/aes-gcm-payload-codec';
import { corpusHistories, corpusVersions, readCorpus } from '../test/support/history-corpus';
import { TEST_KEY_RING } from '../test/support/codec/test-codec';

const Args = z.strictObject({
  version: z.string().optional(),
  rounds: z.coerce.number().int().min(1).max(100).default(5),
});

const USAGE = 'usage: npm run bench:codec -- [--version X.Y.Z] [--rounds N]';

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

/** Copies of the histories with every payload sealed again by `codec`, from `plain` (their opened payloads, in walk order). */
async function resealed(histories: History[], codec: AesGcmPayloadCodec, plain: Payload[]) {
  const copies = histories.map((history) =>
    temporal.api.history.v1.History.decode(temporal.api.history.v1.History.encode(history).finish()),
  );
  const sealed = await codec.encode(plain);
  copies
    .flatMap((copy) => payloadsOf(copy))
    .forEach((payload, index) => {
      payload.metadata = sealed[index]!.metadata;
      payload.data = sealed[index]!.data;
    });
  return copies;
}

async function main(): Promise<void> {
  const args = parseFlags(Args, process.argv.slice(2), USAGE);
  const version = args.version ?? corpusVersions().at(-1);
  const corpus = readCorpus().filter((entry) => entry.version === version);
  if (corpus.length === 0)
    throw new Error(`bench:codec: no corpus recorded for version ${version} (test/fixtures/histories/)`);
  const histories = corpus.flatMap((entry) =>
    corpusHistories(entry).map(({ history }) => history as History),
  );
  const compressing = new AesGcmPayloadCodec(TEST_KEY_RING);
  const sealingOnly = new AesGcmPayloadCodec(TEST_KEY_RING, { compressFromBytes: Number.MAX_SAFE_INTEGER });

  const plainPayloads = await compressing.decode(histories.flatMap((history) => payloadsOf(history)));

  const before = sizes(await resealed(histories, sealingOnly, plainPayloads));
  const after = sizes(await resealed(histories, compressing, plainPayloads));

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
