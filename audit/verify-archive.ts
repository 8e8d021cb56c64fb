import { readHistoryFile } from '../lib/history/history-file';
import { sha256Hex } from '../lib/sha256';
import type { ArchiveReader } from './archive-store';
import { archiveKeys, LEDGER_ENTRIES_PREFIX, LEDGER_HEADS_PREFIX, seqOfEntryKey } from './archive-layout';
import {
  CaseManifest,
  decodeDocument,
  GENESIS,
  LedgerEntry,
  LedgerHead,
  signedBytesOf,
  type ArchivedRun,
} from './archive-documents';
import { keyIdOf, verifySignature } from './ledger-signer';

export type FindingKind = 'altered' | 'removed' | 'inserted' | 'reordered' | 'unsigned';

/** One thing found wrong, naming the object it is about. */
export interface Finding {
  kind: FindingKind;
  key: string;
  detail: string;
}

export interface ArchiveVerification {
  ok: boolean;
  caseId: string;
  findings: Finding[];
  /** What was checked and found sound (for the report). */
  checked: {
    manifests: number;
    runs: number;
    childRuns: number;
    ledgerEntries: number;
    headSeq: number | null;
    heads: number;
  };
}

interface EventJson {
  eventType?: string;
  workflowExecutionStartedEventAttributes?: { continuedExecutionRunId?: string };
  workflowExecutionContinuedAsNewEventAttributes?: { newExecutionRunId?: string };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/**
 * Verifies a case's archive from the archive alone: the ledger's signed heads (against the auditor's
 * trusted public key), the hash chain of every ledger entry back to the first, the case's manifests
 * against their ledger entries, every run document against its manifest digest, and the order of the
 * runs as their own histories state it (`continuedExecutionRunId`, `newExecutionRunId`). Every
 * problem is reported, not only the first, each with the key it is about.
 */
export async function verifyCaseArchive(
  archive: ArchiveReader,
  caseId: string,
  trust: { publicKeyPem: string },
): Promise<ArchiveVerification> {
  const findings: Finding[] = [];
  const add = (kind: FindingKind, key: string, detail: string) => findings.push({ kind, key, detail });
  const checked = {
    manifests: 0,
    runs: 0,
    childRuns: 0,
    ledgerEntries: 0,
    headSeq: null as number | null,
    heads: 0,
  };
  const trustedKeyId = keyIdOf(trust.publicKeyPem);

  // 1. The chain of ledger entries, 1..n.
  const entryKeys = await archive.list(LEDGER_ENTRIES_PREFIX);
  const seqs = entryKeys.map(seqOfEntryKey).filter((seq): seq is number => seq !== undefined);
  const lastSeq = Math.max(0, ...seqs);
  const entries = new Map<number, { entry: LedgerEntry; sha256: string }>();
  let previousSha256: string | undefined = GENESIS;
  for (let seq = 1; seq <= lastSeq; seq += 1) {
    const key = archiveKeys.ledgerEntry(seq);
    const bytes = await archive.read(key);
    if (!bytes) {
      add(
        'removed',
        key,
        `ledger entry ${seq} is missing: the chain breaks between entries ${seq - 1} and ${seq + 1}`,
      );
      previousSha256 = undefined;
      continue;
    }
    let entry: LedgerEntry;
    try {
      entry = decodeDocument(LedgerEntry, bytes);
    } catch (error) {
      add(
        'altered',
        key,
        `ledger entry ${seq} is not a ledger entry any more (${(error as Error).message.slice(0, 200)})`,
      );
      previousSha256 = undefined;
      continue;
    }
    const sha256 = sha256Hex(bytes);
    if (entry.seq !== seq) {
      add(
        'reordered',
        key,
        `the object at ledger entry ${seq} is entry ${entry.seq} (case ${entry.caseId}): entries were reordered or moved`,
      );
    } else if (previousSha256 !== undefined && entry.previousSha256 !== previousSha256) {
      const previousKey = archiveKeys.ledgerEntry(seq - 1);
      add(
        seq === 1 ? 'inserted' : 'altered',
        seq === 1 ? key : previousKey,
        seq === 1
          ? 'ledger entry 1 does not start the chain (its previous digest is not the genesis zeros)'
          : `ledger entry ${seq} recorded ${entry.previousSha256} for entry ${seq - 1}, which now hashes to ${previousSha256}: entry ${seq - 1} was altered or replaced`,
      );
    }
    entries.set(seq, { entry, sha256 });
    previousSha256 = sha256;
    checked.ledgerEntries += 1;
  }

  // 2. The signed heads: each names an entry by digest; the newest must cover the case's entries.
  const headKeys = await archive.list(LEDGER_HEADS_PREFIX);
  if (headKeys.length === 0) add('removed', LEDGER_HEADS_PREFIX, 'the ledger has no signed head');
  let signedSeq = 0;
  for (const key of headKeys) {
    const bytes = await archive.read(key);
    let head: LedgerHead;
    try {
      head = decodeDocument(LedgerHead, bytes!);
    } catch (error) {
      add(
        'altered',
        key,
        `the signed head is not a ledger head any more (${(error as Error).message.slice(0, 200)})`,
      );
      continue;
    }
    const { signature, ...unsigned } = head;
    if (head.keyId !== trustedKeyId) {
      add(
        'altered',
        key,
        `the head of ${head.day} is signed by key ${head.keyId}, not the trusted key ${trustedKeyId}`,
      );
      continue;
    }
    if (
      !verifySignature(
        head.algorithm,
        trust.publicKeyPem,
        signedBytesOf(unsigned),
        Buffer.from(signature, 'base64'),
      )
    ) {
      add(
        'altered',
        key,
        `the signature of the head of ${head.day} (entry ${head.seq}) does not verify: the head was altered`,
      );
      continue;
    }
    const named = entries.get(head.seq);
    if (!named)
      add(
        'removed',
        archiveKeys.ledgerEntry(head.seq),
        `ledger entry ${head.seq}, signed by the head of ${head.day}, is missing`,
      );
    else if (named.sha256 !== head.entrySha256)
      add(
        'altered',
        archiveKeys.ledgerEntry(head.seq),
        `ledger entry ${head.seq} hashes to ${named.sha256}, but the head of ${head.day} signed ${head.entrySha256}`,
      );
    signedSeq = Math.max(signedSeq, head.seq);
    checked.heads += 1;
  }
  checked.headSeq = signedSeq || null;

  // 3. The case's manifests: each in the ledger, each unchanged, nothing extra in its folder.
  const caseEntries = [...entries.entries()].filter(([, { entry }]) => entry.caseId === caseId);
  const caseKeys = await archive.list(archiveKeys.casePrefix(caseId));
  if (caseEntries.length === 0 && caseKeys.length === 0)
    add(
      'removed',
      archiveKeys.casePrefix(caseId),
      `the archive holds nothing for ${caseId}, and no ledger entry names it`,
    );
  const listed = new Set<string>();
  for (const [seq, { entry }] of caseEntries) {
    if (seq > signedSeq)
      add(
        'unsigned',
        archiveKeys.ledgerEntry(seq),
        `ledger entry ${seq} (this case) comes after the newest signed head (entry ${signedSeq}): no signature covers it yet`,
      );
    listed.add(entry.manifestKey);
    const bytes = await archive.read(entry.manifestKey);
    if (!bytes) {
      add('removed', entry.manifestKey, `the manifest named by ledger entry ${seq} is missing`);
      continue;
    }
    const sha256 = sha256Hex(bytes);
    if (sha256 !== entry.manifestSha256)
      add(
        'altered',
        entry.manifestKey,
        `the manifest hashes to ${sha256}, but ledger entry ${seq} recorded ${entry.manifestSha256}`,
      );
    let manifest: CaseManifest;
    try {
      manifest = CaseManifest.parse(JSON.parse(text(bytes)));
    } catch (error) {
      add(
        'altered',
        entry.manifestKey,
        `the manifest is unreadable (${(error as Error).message.slice(0, 200)})`,
      );
      continue;
    }
    if (manifest.caseId !== caseId)
      add(
        'reordered',
        entry.manifestKey,
        `the manifest here is ${manifest.caseId}'s, not ${caseId}'s: manifests were swapped`,
      );
    checked.manifests += 1;
    checked.runs += await checkRuns(archive, `${caseId}`, manifest.runs, add, listed);
    for (const child of manifest.children)
      checked.childRuns += await checkRuns(archive, `child ${child.workflowId}`, child.runs, add, listed);
  }
  for (const key of caseKeys.filter((key) => !listed.has(key))) {
    add(
      'inserted',
      key,
      key.endsWith('/manifest.json')
        ? 'a manifest that no ledger entry names'
        : 'an object that no manifest lists',
    );
  }
  return { ok: findings.length === 0, caseId, findings, checked };
}

/** Checks one chain of runs; returns how many runs were sound. */
async function checkRuns(
  archive: ArchiveReader,
  label: string,
  runs: ArchivedRun[],
  add: (kind: FindingKind, key: string, detail: string) => void,
  listed: Set<string>,
): Promise<number> {
  let sound = 0;
  const byId = new Map(runs.map((run) => [run.runId, run]));
  for (const [position, run] of runs.entries()) {
    listed.add(run.key);
    const name = `${label} run ${position + 1} (${run.runId})`;
    if (run.index !== position + 1)
      add('reordered', run.key, `${name} is listed as run ${run.index}: the manifest's runs were reordered`);
    const bytes = await archive.read(run.key);
    if (!bytes) {
      add('removed', run.key, `${name} is missing from the archive`);
      continue;
    }
    const sha256 = sha256Hex(bytes);
    if (sha256 !== run.sha256) {
      add('altered', run.key, `${name} hashes to ${sha256}, but the manifest recorded ${run.sha256}`);
      continue;
    }
    let events: EventJson[];
    try {
      const file = readHistoryFile(text(bytes));
      events = file.events;
      if (file.runId && file.runId !== run.runId) add('altered', run.key, `${name} holds run ${file.runId}`);
    } catch (error) {
      add('altered', run.key, `${name} is not a history (${(error as Error).message})`);
      continue;
    }
    // Continuity as the histories themselves state it.
    const previous = runs[position - 1];
    const continues = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || null;
    if (position > 0 && continues !== previous!.runId) {
      const detail = !continues
        ? `${name} starts a new chain, but the manifest lists it after run ${previous!.runId}: a run was inserted`
        : byId.has(continues)
          ? `${name} continues run ${continues}, not the run listed before it (${previous!.runId}): runs were reordered`
          : `${name} continues run ${continues}, which the manifest does not list: a run was removed`;
      add(!continues ? 'inserted' : byId.has(continues) ? 'reordered' : 'removed', run.key, detail);
    } else if (position === 0 && continues) {
      add(
        'removed',
        run.key,
        `${name} continues run ${continues}, which the manifest does not list: the first run was removed`,
      );
    }
    const next = runs[position + 1];
    const continuedAs = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
    if (!next && continuedAs)
      add(
        'removed',
        run.key,
        `${name} continued as new in run ${continuedAs}, which the manifest does not list: the last run was removed`,
      );
    sound += 1;
  }
  return sound;
}
