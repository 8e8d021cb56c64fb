import fs from 'node:fs';
import { z } from 'zod';
import type { CaseState } from '../../domain';
import { UsageError } from '../args';
import type { ApiClient } from '../api-client';
import { defineCommand } from '../command';
import { compareHistories, NotAHistoryFile, readHistoryFile } from '../../lib/history/history-file';
import { sha256Hex } from '../../lib/sha256';
import { HISTORY_PAYLOAD_FORM } from '../../lib/history/history-envelope';

const PAYLOADS_NOTE = `payloads ${HISTORY_PAYLOAD_FORM}: encrypted by the payload codec, as Temporal stores them; the digest covers this form`;
import { CaseId } from './case-reads';
import { ArchiveLocation, S3Endpoint } from './audit-archive-source';
import { verifyOffline } from './audit-offline';

const RunId = z.uuid('a run id (UUID) as shown by audit history');

interface LiveHistory {
  text: string;
  sha256: string;
  runId: string;
}

/** The live history's bytes; the digest header is checked against the bytes received. */
async function fetchLiveHistory(
  api: ApiClient,
  caseId: string,
  runId: string | undefined,
): Promise<LiveHistory> {
  const query = new URLSearchParams({ format: 'raw', ...(runId ? { runId } : {}) });
  const { text, headers } = await api.getRaw(`/api/cases/${caseId}/history?${query.toString()}`);
  const sha256 = sha256Hex(text);
  const announced = headers.get('x-saring-history-sha256');
  if (announced !== sha256)
    throw new Error(
      `the history arrived damaged: the API announced sha256 ${announced} but the bytes hash to ${sha256}; try again`,
    );
  return { text, sha256, runId: headers.get('x-saring-run-id') ?? runId ?? 'unknown' };
}

export const auditHistory = defineCommand({
  words: ['audit', 'history'],
  summary: "export a case's raw Temporal event history with its SHA-256",
  usage: 'saring audit history <caseId> [--out <file>] [--run-id <runId>]',
  help: [
    'Writes the history JSON to --out (or to stdout, with the digest on stderr) and prints its SHA-256.',
    "The text is Temporal's JSON with keys sorted, so the same history always has the same digest.",
    'Payloads stay in their encoded form (encrypted by the payload codec), and the digest covers that form;',
    'to read them: temporal workflow show --codec-endpoint <api>/api/codec --codec-auth "Bearer <token>".',
    "Without --run-id: the case's latest run (a long monitoring period continues as new in later runs).",
  ].join('\n'),
  positionals: z.tuple([CaseId]),
  flags: z.strictObject({ out: z.string().min(1).optional(), runId: RunId.optional() }),
  async run({ args: [caseId], flags, ctx }) {
    const live = await fetchLiveHistory(ctx.api(), caseId, flags.runId);
    const events = (JSON.parse(live.text) as { events: unknown[] }).events.length;
    if (!flags.out) {
      ctx.out(live.text);
      ctx.err(`sha256 ${live.sha256}  ${caseId} run ${live.runId} (${events} events; ${PAYLOADS_NOTE})`);
      return;
    }
    fs.writeFileSync(flags.out, live.text);
    if (ctx.json)
      return ctx.out(
        JSON.stringify({
          caseId,
          runId: live.runId,
          events,
          sha256: live.sha256,
          payloads: HISTORY_PAYLOAD_FORM,
          file: flags.out,
        }),
      );
    ctx.out(`${live.sha256}  ${flags.out}\n${caseId} run ${live.runId}: ${events} events\n${PAYLOADS_NOTE}`);
  },
});

export const auditVerify = defineCommand({
  words: ['audit', 'verify'],
  summary: 'verify a case from the archive alone, or a history file against Temporal (exit 1 when altered)',
  usage:
    'saring audit verify <caseId> --archive <folder|s3://bucket> --public-key <pem>\n       saring audit verify <caseId> --file <history.json> [--run-id <runId>]',
  help: [
    'With --archive (no API, no Temporal): checks the signed ledger heads with --public-key, the hash',
    "chain of ledger entries, the case's manifest, every run's SHA-256 and that the runs follow each",
    'other; names each object ALTERED, REMOVED, INSERTED, REORDERED or UNSIGNED (exit 1).',
    '',
    'With --file (against the live history through the API):',
    'The file may be an export from "saring audit history", the API\'s export envelope, or an archive',
    'document from the audit bucket (saring.history-archive/v1). The run is taken from the file when',
    'it says; else --run-id; else the latest run.',
    'Results: identical (same bytes or same events), intact prefix (an archive written while the case',
    'was closing: every archived event unchanged, later events added), or ALTERED (exit 1).',
  ].join('\n'),
  positionals: z.tuple([CaseId]),
  flags: z
    .strictObject({
      file: z.string().min(1).optional(),
      runId: RunId.optional(),
      archive: ArchiveLocation.optional(),
      publicKey: z.string().min(1).optional(),
      s3Endpoint: S3Endpoint.optional(),
    })
    .refine((flags) => (flags.file === undefined) !== (flags.archive === undefined), {
      message:
        'give either --archive <folder|s3://bucket> (offline) or --file <history.json> (against Temporal)',
    }),
  async run({ args: [caseId], flags, ctx }) {
    if (flags.archive) return verifyOffline(ctx, caseId, { ...flags, archive: flags.archive });
    if (!flags.file) throw new UsageError('give the archived file with --file');
    const file_ = flags.file;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file_);
    } catch (error) {
      throw new UsageError(`cannot read --file ${file_}: ${(error as Error).message}`);
    }
    const text = bytes.toString('utf8');
    const report = (result: Record<string, unknown>, line: string, code: number) => {
      ctx.out(
        ctx.json
          ? JSON.stringify({
              caseId,
              file: file_,
              payloads: HISTORY_PAYLOAD_FORM,
              ...result,
              ...(notes.length > 0 ? { notes } : {}),
            })
          : [line, ...notes.map((note) => `  ${note}`)].join('\n'),
      );
      return code;
    };
    const notes: string[] = [
      `compared in the ${HISTORY_PAYLOAD_FORM} form (payloads encrypted by the payload codec, as Temporal stores them)`,
    ];

    let file;
    try {
      file = readHistoryFile(text);
    } catch (error) {
      if (error instanceof NotAHistoryFile)
        return report(
          { result: 'unreadable', detail: error.message },
          `UNREADABLE: ${file_}: ${error.message}`,
          1,
        );
      throw error;
    }
    const fileSha256 = sha256Hex(file.historyText);
    if (file.caseId && file.caseId !== caseId) {
      return report(
        { result: 'wrong_case', fileCaseId: file.caseId },
        `WRONG CASE: ${file_} holds the history of ${file.caseId}, not ${caseId}`,
        1,
      );
    }
    if (file.statedSha256 && file.statedSha256 !== fileSha256) {
      return report(
        { result: 'altered', fileSha256, statedSha256: file.statedSha256 },
        `ALTERED: the history in ${file_} hashes to ${fileSha256}, not the ${file.statedSha256} the file states`,
        1,
      );
    }

    if (file.format === 'archive') {
      // The case recorded its archive object (key and SHA-256 of the whole document) when it closed.
      const state = await ctx.api().get<CaseState>(`/api/cases/${caseId}`);
      const recorded = state.outcome?.archive;
      const documentSha256 = sha256Hex(bytes);
      if (recorded && file.requestId && recorded.key.endsWith(`/${file.requestId}.json`)) {
        if (recorded.sha256 !== documentSha256) {
          return report(
            { result: 'altered', documentSha256, recordedSha256: recorded.sha256 },
            `ALTERED: ${file_} hashes to ${documentSha256}, but the case recorded ${recorded.sha256} for ${recorded.key} at closure`,
            1,
          );
        }
        notes.push(
          `the archive document matches the SHA-256 the case recorded for ${recorded.key} at closure`,
        );
      } else {
        notes.push(
          recorded
            ? `not the archive the case recorded (${recorded.key}): its events are still compared`
            : 'the case records no archive to compare the document with',
        );
      }
    }

    const live = await fetchLiveHistory(ctx.api(), caseId, flags.runId ?? file.runId);
    if (live.sha256 === fileSha256) {
      return report(
        { result: 'identical', sha256: fileSha256, runId: live.runId },
        `OK identical: ${file_} matches ${caseId} run ${live.runId}, sha256 ${fileSha256}`,
        0,
      );
    }
    const liveEvents = (JSON.parse(live.text) as { events: Record<string, unknown>[] }).events;
    const comparison = compareHistories(file.events, liveEvents);
    const digests = { fileSha256, liveSha256: live.sha256, runId: live.runId };
    switch (comparison.result) {
      case 'identical':
        return report(
          { ...digests, ...comparison },
          `OK identical events: all ${comparison.events} events match ${caseId} run ${live.runId} (formatting differs, so the digests differ)`,
          0,
        );
      case 'prefix':
        return report(
          { ...digests, ...comparison },
          `OK intact: the ${comparison.events} events in ${file_} match the first ${comparison.events} of ${comparison.liveEvents} in ${caseId} run ${live.runId}; the rest were recorded after it was written`,
          0,
        );
      case 'altered':
        return report(
          { ...digests, ...comparison },
          `ALTERED: ${file_} does not match ${caseId} run ${live.runId}: ${comparison.detail}`,
          1,
        );
    }
  },
});
