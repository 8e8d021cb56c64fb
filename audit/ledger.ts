import { sha256Hex } from '../lib/sha256';
import type { ArchiveReader, ArchiveWriter } from './archive-store';
import { archiveKeys, LEDGER_HEADS_PREFIX, seqOfEntryKey, LEDGER_ENTRIES_PREFIX } from './archive-layout';
import {
  decodeDocument,
  encodeDocument,
  GENESIS,
  LEDGER_ENTRY_SCHEMA,
  LEDGER_HEAD_SCHEMA,
  LedgerEntry,
  LedgerHead,
  signedBytesOf,
} from './archive-documents';
import type { LedgerSigner } from './ledger-signer';

export interface ManifestRef {
  caseId: string;
  manifestKey: string;
  manifestSha256: string;
}

/** The latest signed head (the newest day's), or undefined for an empty ledger. */
export async function latestHead(
  archive: ArchiveReader,
): Promise<{ key: string; head: LedgerHead } | undefined> {
  const keys = await archive.list(LEDGER_HEADS_PREFIX);
  const key = keys.at(-1);
  if (!key) return undefined;
  const bytes = await archive.read(key);
  return bytes ? { key, head: decodeDocument(LedgerHead, bytes) } : undefined;
}

/**
 * Appends a manifest to the hash chain and signs the new head for today. Entries are written
 * create-only, so two appenders never share a sequence number: the loser reads the winner's entry
 * and tries the next one. An append retried after it already landed finds its manifest at the end of
 * the chain and only (re)signs the head.
 */
export async function appendToLedger(
  archive: ArchiveWriter,
  signer: LedgerSigner,
  ref: ManifestRef,
  now: () => Date,
): Promise<{ seq: number; entrySha256: string; headKey: string }> {
  const head = await latestHead(archive);
  let seq = head?.head.seq ?? 0;
  let previousBytes = seq > 0 ? await archive.read(archiveKeys.ledgerEntry(seq)) : undefined;
  if (seq > 0 && !previousBytes)
    throw new Error(`ledger entry ${seq} named by the signed head is missing: run "saring audit verify"`);

  for (;;) {
    const previous = previousBytes ? decodeDocument(LedgerEntry, previousBytes) : undefined;
    if (
      previous &&
      previous.manifestSha256 === ref.manifestSha256 &&
      previous.manifestKey === ref.manifestKey
    )
      break;
    const nextBytes = await archive.read(archiveKeys.ledgerEntry(seq + 1));
    if (nextBytes) {
      seq += 1;
      previousBytes = nextBytes;
      continue;
    }
    const entry = encodeDocument(
      LedgerEntry.parse({
        schema: LEDGER_ENTRY_SCHEMA,
        seq: seq + 1,
        appendedAt: now().toISOString(),
        caseId: ref.caseId,
        manifestKey: ref.manifestKey,
        manifestSha256: ref.manifestSha256,
        previousSha256: previousBytes ? sha256Hex(previousBytes) : GENESIS,
      }),
    );
    const { created } = await archive.putOnce(archiveKeys.ledgerEntry(seq + 1), entry);
    if (!created) continue; // another appender took this number: read its entry and go on
    seq += 1;
    previousBytes = entry;
    break;
  }

  const entrySha256 = sha256Hex(previousBytes!);
  const newest = (await archive.list(LEDGER_ENTRIES_PREFIX))
    .map(seqOfEntryKey)
    .filter((n) => n !== undefined);
  const lastSeq = Math.max(seq, ...newest);
  // Never move a head backwards: a later appender already signs past us.
  if (lastSeq > seq) return { seq, entrySha256, headKey: '' };
  const signedAt = now().toISOString();
  const unsigned = {
    schema: LEDGER_HEAD_SCHEMA,
    day: signedAt.slice(0, 10),
    seq,
    entrySha256,
    signedAt,
    keyId: signer.keyId,
    algorithm: signer.algorithm,
  } as const;
  const signature = Buffer.from(await signer.sign(signedBytesOf(unsigned))).toString('base64');
  const headKey = archiveKeys.ledgerHead(unsigned.day);
  await archive.putVersion(headKey, encodeDocument(LedgerHead.parse({ ...unsigned, signature })));
  return { seq, entrySha256, headKey };
}
