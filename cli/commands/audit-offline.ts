import type { DataConverter } from '@temporalio/common';
import { dataConverterFor } from '../../config/codec';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { archivedRuns, caseManifests } from '../../audit/archived-runs';
import { CaseManifest } from '../../audit/archive-documents';
import { CURRENT_WORKFLOWS, replayRuns, type RunReplay, type RunToReplay } from '../../audit/replay-archive';
import { replayWithRecordedCode } from '../../audit/replay-recorded-code';
import { UnknownCommitError } from '../../audit/materialize-commit';
import { installRoot, runningCodeVersion } from '../../audit/code-version';
import { verifyCaseArchive } from '../../audit/verify-archive';
import { NotAHistoryFile, readHistoryFile } from '../../lib/history/history-file';
import { UsageError } from '../args';
import type { CliContext } from '../command';
import { defineCommand } from '../command';
import { ArchiveLocation, openArchive, readPublicKey, S3Endpoint } from './audit-archive-source';
import { CaseId } from './case-reads';

/** `audit verify <caseId> --archive ...`: the archive alone, no API, no Temporal. */
export async function verifyOffline(
  ctx: CliContext,
  caseId: string,
  flags: { archive: string; publicKey?: string | undefined; s3Endpoint?: string | undefined },
): Promise<number> {
  const archive = openArchive(flags.archive, flags.s3Endpoint);
  const result = await verifyCaseArchive(archive, caseId, { publicKeyPem: readPublicKey(flags.publicKey) });
  if (ctx.json) {
    ctx.out(JSON.stringify({ archive: archive.where, ...result }));
    return result.ok ? 0 : 1;
  }
  const { checked } = result;
  const summary = `${checked.manifests} manifest(s), ${checked.runs} run(s), ${checked.childRuns} child run(s); ledger of ${checked.ledgerEntries} entries, signed head at entry ${checked.headSeq ?? 'none'}`;
  if (result.ok) {
    ctx.out(`OK verified: ${caseId} in ${archive.where}: ${summary}`);
    return 0;
  }
  ctx.out(
    [
      `NOT VERIFIED: ${caseId} in ${archive.where}: ${result.findings.length} problem(s)`,
      ...result.findings.map(
        (finding) => `  ${finding.kind.toUpperCase()} ${finding.key}: ${finding.detail}`,
      ),
      `  checked: ${summary}`,
    ].join('\n'),
  );
  return 1;
}

function printReplay(
  ctx: CliContext,
  replays: RunReplay[],
  steps: boolean,
  code: { header: string; json: Record<string, unknown> },
): number {
  if (ctx.json) {
    ctx.out(JSON.stringify({ ...code.json, runs: replays }));
    return replays.every((replay) => replay.result === 'agreed') ? 0 : 1;
  }
  const lines: string[] = [code.header];
  for (const [index, replay] of replays.entries()) {
    lines.push(
      `${replay.result === 'agreed' ? 'OK agreed' : 'DIVERGED'}: ${replay.workflowId} run ${replay.runId} (${index + 1}/${replays.length})` +
        (replay.recordedBuildIds.length > 0
          ? `, recorded by build ${replay.recordedBuildIds.join(', ')}`
          : ''),
    );
    if (replay.divergence)
      lines.push(
        `  first divergence at event ${replay.divergence.eventId ?? '?'}: ${replay.divergence.message.split('\n')[0]}`,
      );
    if (!steps) continue;
    for (const step of replay.steps) {
      const deadlines = step.openDeadlines
        .map((deadline) => `${deadline.label} due ${deadline.dueAt}${deadline.breached ? ' BREACHED' : ''}`)
        .join('; ');
      lines.push(
        `  event ${String(step.eventId).padStart(4)}  stage=${step.stage}  verdict=${step.verdict ?? '-'}  tracks=[${step.tracks.join(', ')}]  deadlines=[${deadlines}]`,
      );
    }
  }
  ctx.out(lines.join('\n'));
  return replays.every((replay) => replay.result === 'agreed') ? 0 : 1;
}

export const auditReplay = defineCommand({
  words: ['audit', 'replay'],
  summary: 'replay a case from its archive (or one history file) with the workflow code; shows each step',
  usage:
    'saring audit replay <target> [--archive <folder|s3://bucket>] [--code recorded|current [--repo <git dir>] | --workflows <dir>] [--key-file <file>] [--summary]',
  help: [
    'Re-executes every archived run (and each child workflow) with the workflow code through',
    "Temporal's replayer, without any Temporal server: OK agreed, or DIVERGED with the first event",
    'where the code decided differently (exit 1). After each workflow task it prints the case as it',
    'stood: stage, verdict, tracks and open deadlines, with the event id (the "time travel" view).',
    '<target> is one of:',
    '  <caseId>       the newest archive of the case in --archive (a folder copy or s3://<bucket>)',
    '  manifest.json  a case manifest from the archive; its runs are read from --archive',
    '  history.json   one run: an export, an archive document or a raw history',
    '--code current (the default) replays with the code of this install; --code recorded with the code',
    'that archived the case: the git commit its manifest records, whose workflows/ is extracted from',
    '--repo <git dir> (default: this install\'s checkout; "git fetch" it first) into .data/replay-code/.',
    '--workflows <dir> replays with another copy of workflows/ (e.g. a checkout of the version that',
    'recorded the history: its build id is printed).',
    '--key-file <file> is the payload codec key ring (locally .data/codec-keys.json, the default when it',
    'exists): archived payloads are encrypted, and the workflow code needs them in clear to replay.',
    '--summary prints one line per run, without the steps. --s3-endpoint <url> for a local S3-compatible server.',
  ].join('\n'),
  positionals: z.tuple([z.string().min(1, 'give a case id, a manifest file or a history file')]),
  flags: z
    .strictObject({
      archive: ArchiveLocation.optional(),
      workflows: z.string().min(1).optional(),
      code: z.enum(['recorded', 'current'], { error: '--code is recorded or current' }).optional(),
      repo: z.string().min(1).optional(),
      keyFile: z.string().min(1).optional(),
      summary: z.boolean().optional(),
      s3Endpoint: S3Endpoint.optional(),
    })
    .refine((flags) => !(flags.code && flags.workflows), {
      message: 'give either --code recorded|current or --workflows <dir>, not both',
    })
    .refine((flags) => !flags.repo || flags.code === 'recorded', {
      message: '--repo names where the recorded commit is: use it with --code recorded',
    }),
  booleans: ['summary'],
  async run({ args: [target], flags, ctx }) {
    const progress = (line: string) => ctx.err(line);
    let runs: RunToReplay[];
    let manifest: CaseManifest | undefined;
    if (CaseId.safeParse(target).success && !fs.existsSync(target)) {
      if (!flags.archive)
        throw new UsageError('give the archive holding the case with --archive <folder|s3://bucket>');
      const archive = openArchive(flags.archive, flags.s3Endpoint);
      manifest = (await caseManifests(archive, target)).at(-1);
      if (!manifest)
        throw new UsageError(`${archive.where} holds no archive of ${target}: is it closed and swept yet?`);
      runs = await archivedRuns(archive, manifest);
    } else {
      let text: string;
      try {
        text = fs.readFileSync(target, 'utf8');
      } catch (error) {
        throw new UsageError(`cannot read ${target}: ${(error as Error).message}`);
      }
      const parsed = CaseManifest.safeParse(JSON.parse(text));
      if (parsed.success) {
        if (!flags.archive)
          throw new UsageError('a manifest names its runs by key: give --archive <folder|s3://bucket>');
        manifest = parsed.data;
        runs = await archivedRuns(openArchive(flags.archive, flags.s3Endpoint), manifest);
      } else {
        try {
          const file = readHistoryFile(text);
          runs = [
            {
              workflowId: file.caseId ?? 'replayed-workflow',
              runId: file.runId ?? 'unknown',
              historyJson: file.historyText,
            },
          ];
        } catch (error) {
          if (error instanceof NotAHistoryFile) throw new UsageError(`${target}: ${error.message}`);
          throw error;
        }
      }
    }
    if (flags.code === 'recorded') {
      if (!manifest)
        throw new UsageError(
          'a history file does not say which code recorded it: give a case id or a manifest with --archive, or use --workflows <dir>',
        );
      return replayRecorded(ctx, manifest, runs, { ...flags, repo: flags.repo ?? installRoot() });
    }
    const workflowsPath = flags.workflows ? workflowsFolder(flags.workflows) : CURRENT_WORKFLOWS;
    const replays = await replayRuns(runs, { workflowsPath, ...replayKeys(flags.keyFile), progress });
    const current = runningCodeVersion();
    const which = flags.workflows
      ? { header: `code: workflows from ${workflowsPath}`, json: { code: { workflowsPath } } }
      : {
          header: `code: current (package ${current.packageVersion}, commit ${current.commit ?? 'unknown'})`,
          json: { code: { current, workflowsPath } },
        };
    return printReplay(ctx, replays, !flags.summary, which);
  },
});

async function replayRecorded(
  ctx: CliContext,
  manifest: CaseManifest,
  runs: RunToReplay[],
  flags: { repo: string; keyFile?: string | undefined; summary?: boolean | undefined },
): Promise<number> {
  let groups;
  try {
    groups = await replayWithRecordedCode(manifest, runs, {
      repo: flags.repo,
      ...replayKeys(flags.keyFile),
      progress: (line) => ctx.err(line),
    });
  } catch (error) {
    if (error instanceof UnknownCommitError) throw new UsageError(error.message);
    throw error;
  }
  let exit = 0;
  for (const group of groups) {
    const code = printReplay(ctx, group.replays, !flags.summary, {
      header: `code: recorded (package ${group.packageVersion}, commit ${group.commit})`,
      json: { code: { recorded: { commit: group.commit, packageVersion: group.packageVersion } } },
    });
    exit = Math.max(exit, code);
  }
  return exit;
}

const LOCAL_KEY_FILE = '.data/codec-keys.json';

/** Archived payloads are encrypted by the payload codec: the replayer decodes them with the key ring. */
function replayKeys(keyFile: string | undefined): { dataConverter?: DataConverter } {
  const file = keyFile ?? (fs.existsSync(LOCAL_KEY_FILE) ? LOCAL_KEY_FILE : undefined);
  return file ? { dataConverter: dataConverterFor({ keyFile: file }) } : {};
}

/** `--workflows <dir>` as typed, relative to where the command runs; the bundler needs an absolute path. */
function workflowsFolder(given: string): string {
  const folder = path.resolve(given);
  if (!['index.ts', 'index.js'].some((entry) => fs.existsSync(path.join(folder, entry))))
    throw new UsageError(
      `--workflows ${given}: ${folder} has no index.ts or index.js (give the workflows/ folder of a checkout)`,
    );
  return folder;
}
