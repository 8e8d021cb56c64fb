import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canonicalJson } from '../../../lib/canonical-json';
import type { WorkflowHistory } from '../../../lib/history/workflow-history';
import { DirectoryArchive } from '../../../audit/directory-archive';
import { writeCaseArchive, type CaseHistories } from '../../../audit/case-archiver';
import { appendToLedger } from '../../../audit/ledger';
import { fileLedgerSigner, publicKeyFileOf } from '../../../audit/ledger-signer';
import { verifyCaseArchive } from '../../../audit/verify-archive';
import { archiveKeys } from '../../../audit/archive-layout';

/** A run's history with just the events continuity is read from (the rest of a history is opaque here). */
function run(workflowId: string, runId: string, from: string | null, to: string | null): WorkflowHistory {
  const events = [
    {
      eventId: '1',
      eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED',
      workflowExecutionStartedEventAttributes: {
        originalExecutionRunId: runId,
        ...(from ? { continuedExecutionRunId: from } : {}),
      },
    },
    { eventId: '2', eventType: 'EVENT_TYPE_WORKFLOW_TASK_SCHEDULED' },
    to
      ? {
          eventId: '3',
          eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW',
          workflowExecutionContinuedAsNewEventAttributes: { newExecutionRunId: to },
        }
      : { eventId: '3', eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED' },
  ];
  return {
    workflowId,
    runId,
    workflowType: workflowId.includes(':takedown') ? 'TakedownWorkflow' : 'ContentCaseWorkflow',
    status: to ? 'CONTINUED_AS_NEW' : 'COMPLETED',
    startTime: '2025-11-20T01:00:00.000Z',
    closeTime: '2025-11-27T01:00:00.000Z',
    eventCount: events.length,
    historyJson: canonicalJson({ events }),
  };
}

const ids = (prefix: string) => [1, 2, 3].map((n) => `${prefix}000000-0000-4000-8000-00000000000${n}`);

function caseHistories(caseId: string, prefix: string): CaseHistories {
  const [r1, r2, r3] = ids(prefix) as [string, string, string];
  return {
    caseId,
    runs: [run(caseId, r1, null, r2), run(caseId, r2, r1, r3), run(caseId, r3, r2, null)],
    children: [
      {
        workflowId: `${caseId}:takedown:website-1:a1`,
        startedByRunId: r1,
        runs: [
          run(`${caseId}:takedown:website-1:a1`, `${prefix}c00000-0000-4000-8000-000000000001`, null, null),
        ],
      },
    ],
  };
}

describe('audit verify from the archive alone (a folder copy of the audit bucket)', () => {
  let root: string;
  let archive: DirectoryArchive;
  let publicKeyPem: string;
  const caseA = 'case-aaaaaaaaaaaaaaaaaaaa';
  const caseB = 'case-bbbbbbbbbbbbbbbbbbbb';
  const [, a2, a3] = ids('a') as [string, string, string];

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-archive-'));
    archive = new DirectoryArchive(path.join(root, 'bucket'));
    const keyFile = path.join(root, 'keys', 'ledger.pem');
    const signer = fileLedgerSigner(keyFile);
    publicKeyPem = fs.readFileSync(publicKeyFileOf(keyFile), 'utf8');
    let tick = 0;
    const now = () => new Date(Date.UTC(2025, 11, 20, 2, 0, tick++));
    for (const [caseId, prefix] of [
      [caseA, 'a'],
      [caseB, 'b'],
    ] as const) {
      const ref = await writeCaseArchive(archive, caseHistories(caseId, prefix), now);
      await appendToLedger(archive, signer, ref, now);
    }
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const file = (key: string) => path.join(root, 'bucket', key);
  const verify = (caseId = caseA) => verifyCaseArchive(archive, caseId, { publicKeyPem });
  const runKey = (index: number, runId: string) => archiveKeys.run(caseA, a3, index, runId);

  it('an untouched archive verifies: 3 runs, the child, the chain, the signed head', async () => {
    const result = await verify();
    expect(result).toMatchObject({
      ok: true,
      findings: [],
      checked: { manifests: 1, runs: 3, childRuns: 1, ledgerEntries: 2, headSeq: 2, heads: 1 },
    });
    await expect(verify(caseB)).resolves.toMatchObject({ ok: true });
  });

  it('one flipped byte in a run is named with its run and key', async () => {
    const bytes = fs.readFileSync(file(runKey(2, a2)));
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x01;
    fs.writeFileSync(file(runKey(2, a2)), bytes);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({
        kind: 'altered',
        key: runKey(2, a2),
        detail: expect.stringContaining(`run 2 (${a2})`),
      }),
    ]);
  });

  it('a dropped run object is named as removed', async () => {
    fs.rmSync(file(runKey(2, a2)));
    const result = await verify();
    expect(result.findings).toEqual([
      expect.objectContaining({
        kind: 'removed',
        key: runKey(2, a2),
        detail: expect.stringContaining('missing'),
      }),
    ]);
  });

  it('a run dropped from the manifest too: the manifest no longer matches its ledger entry, and the gap is named', async () => {
    const manifestKey = archiveKeys.manifest(caseA, a3);
    const manifest = JSON.parse(fs.readFileSync(file(manifestKey), 'utf8')) as { runs: { index: number }[] };
    manifest.runs.splice(1, 1);
    manifest.runs[1]!.index = 2;
    fs.writeFileSync(file(manifestKey), `${canonicalJson(manifest)}\n`);
    fs.rmSync(file(runKey(2, a2)));
    const kinds = (await verify()).findings.map((finding) => [finding.kind, finding.key]);
    expect(kinds).toEqual([
      ['altered', manifestKey],
      ['removed', runKey(3, a3)],
    ]);
  });

  it('two manifests reordered in the ledger are named as reordered', async () => {
    const [one, two] = [file(archiveKeys.ledgerEntry(1)), file(archiveKeys.ledgerEntry(2))];
    const [first, second] = [fs.readFileSync(one), fs.readFileSync(two)];
    fs.writeFileSync(one, second);
    fs.writeFileSync(two, first);
    const result = await verify();
    expect(result.findings.filter((finding) => finding.kind === 'reordered').map((f) => f.key)).toEqual([
      archiveKeys.ledgerEntry(1),
      archiveKeys.ledgerEntry(2),
    ]);
    // The signed head named entry 2's digest: the swap is caught by the signature too.
    expect(result.findings).toContainEqual(
      expect.objectContaining({ kind: 'altered', key: archiveKeys.ledgerEntry(2) }),
    );
  });

  it('an inserted run (an object no manifest lists) is named as inserted', async () => {
    const extra = runKey(4, 'a00000-0000-4000-8000-000000000009');
    fs.writeFileSync(file(extra), fs.readFileSync(file(runKey(3, a3))));
    const result = await verify();
    expect(result.findings).toEqual([expect.objectContaining({ kind: 'inserted', key: extra })]);
  });

  it('a tampered head signature, or a head signed by another key, is named', async () => {
    const [headKey] = await archive.list('audit-ledger/heads/');
    const head = JSON.parse(fs.readFileSync(file(headKey!), 'utf8')) as { signature: string; seq: number };
    const signature = Buffer.from(head.signature, 'base64');
    signature[0] = signature[0]! ^ 0x01;
    fs.writeFileSync(
      file(headKey!),
      `${canonicalJson({ ...head, signature: signature.toString('base64') })}\n`,
    );
    // The head no longer vouches for anything, so the case's entry is reported as unsigned too.
    expect((await verify()).findings).toEqual([
      expect.objectContaining({
        kind: 'altered',
        key: headKey,
        detail: expect.stringContaining('does not verify'),
      }),
      expect.objectContaining({ kind: 'unsigned', key: archiveKeys.ledgerEntry(1) }),
    ]);

    const forger = fileLedgerSigner(path.join(root, 'keys', 'forger.pem'));
    fs.rmSync(file(headKey!));
    await appendToLedger(
      archive,
      forger,
      { caseId: caseA, manifestKey: 'x', manifestSha256: '0'.repeat(64) },
      () => new Date(),
    );
    const findings = (await verify()).findings;
    expect(findings).toContainEqual(
      expect.objectContaining({ kind: 'altered', detail: expect.stringContaining('not the trusted key') }),
    );
  });

  it('a case the archive has never heard of is reported, not passed', async () => {
    const result = await verify('case-cccccccccccccccccccc');
    expect(result.findings).toEqual([expect.objectContaining({ kind: 'removed' })]);
  });
});
