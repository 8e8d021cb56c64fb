/** A case as `saring case show` prints it for people: labelled fields, tracks, evidence, open deadlines. */
import type { CaseState, Deadline } from '../domain';
import { columns, dueIn, time } from './format';

/** One line per deadline, its columns aligned over the list. */
export function deadlineLines(deadlines: readonly Deadline[], now = Date.now()): string[] {
  return columns(
    deadlines.map((deadline) => [
      deadline.label,
      `due ${time(deadline.dueAt)} (${dueIn(deadline.dueAt, now)})${deadline.breachedAt ? ' BREACHED' : ''}${deadline.assignee ? ` -> ${deadline.assignee}` : ''}`,
    ]),
  );
}

/** Claim matching (issue 15): the case this one repeats, and whether its clarification was reused. */
function claimLinkLine({ claimLink, clarificationReuse }: CaseState): string | undefined {
  if (!claimLink) return undefined;
  const base = `${claimLink.caseId} (similarity ${claimLink.similarity.toFixed(2)}, ${claimLink.status})`;
  if (clarificationReuse) return `${base}; its clarification reused by ${clarificationReuse.by.officerId}`;
  if (claimLink.clarification)
    return `${base}; clarification [${claimLink.clarification.label}] "${claimLink.clarification.title}" can be reused (case act <id> reuseClarification --json '{"fromCaseId":"${claimLink.caseId}"}')`;
  return base;
}

function fields(state: CaseState): [string, string][] {
  const rows: [string, string][] = [
    [
      'Case',
      `${state.caseId} (generation ${state.generation}${state.previousCase ? `, follows ${state.previousCase.caseId}` : ''})`,
    ],
    ['Stage', `${state.stage}${state.slaBreached ? '  [SLA BREACHED]' : ''}`],
    ['Priority', state.priority],
    ['Category', state.category ?? 'uncategorized'],
    ['Region', state.region],
    ['Assignee', state.assignee ?? '-'],
    ['Opened', `${time(state.openedAt)}  (policy ${state.policyVersion})`],
    ['Content', state.subject.url ?? state.subject.textExcerpt ?? state.subject.contentSha256 ?? '-'],
    [
      'Detections',
      `${state.detections.count} (${Object.entries(state.detections.bySource)
        .map(([source, count]) => `${source} ${count}`)
        .join(', ')})`,
    ],
  ];
  const { classification, verdict, tracks, outcome } = state;
  if (classification)
    rows.push([
      'Classifier',
      `${classification.category ?? 'none'} ${classification.confidence.toFixed(2)} (${classification.rules.join(', ') || 'no rules'}) model ${classification.modelVersion ?? 'rules-only'}`,
    ]);
  const link = claimLinkLine(state);
  if (link) rows.push(['Same claim', link]);
  if (verdict) {
    const given = verdict.verdict;
    const label =
      given.kind === 'hoax' ? ` [${given.label}]` : 'category' in given ? ` ${given.category}` : '';
    rows.push([
      'Verdict',
      `${given.kind}${label} by ${verdict.by.officerId} at ${time(verdict.at)}: ${given.reasons.join('; ')}`,
    ]);
  }
  for (const [label, track] of [
    ['Clarification', tracks.clarification],
    ['Response', tracks.response],
  ] as const) {
    if (track)
      rows.push([
        label,
        `${track.status}${track.draft ? ` (revision ${track.draft.revision} by ${track.draft.by.officerId})` : ''}`,
      ]);
  }
  for (const takedown of tracks.takedowns)
    rows.push([
      'Takedown',
      `${takedown.key} ${takedown.status}${takedown.level ? ` ${takedown.level}` : ''} ${takedown.url}`,
    ]);
  if (tracks.police)
    rows.push([
      'Police',
      `${tracks.police.status}${tracks.police.report ? ` report ${tracks.police.report.number}` : ''}`,
    ]);
  if (outcome) rows.push(['Outcome', `${outcome.resolution} at ${time(outcome.closedAt)}`]);
  const archive = outcome?.archive;
  if (archive)
    rows.push([
      'Archive',
      `${archive.bucket}/${archive.key}${archive.versionId ? ` version ${archive.versionId}` : ''} sha256 ${archive.sha256}`,
    ]);
  return rows;
}

/** The text of `saring case show`; `now` sets the "in 3h 12m" countdowns. */
export function describeState(state: CaseState, now = Date.now()): string {
  const lines = columns(fields(state));
  lines.push('', 'Evidence');
  if (state.evidence.length === 0) lines.push('  (none)');
  lines.push(
    ...columns(
      state.evidence.map((record) => [
        record.kind,
        `sha256 ${record.sha256}  ${record.bucket}/${record.key}`,
      ]),
    ).map((line) => `  ${line}`),
  );
  lines.push('', 'Open deadlines');
  const open = state.deadlines.filter((deadline) => !deadline.closedAt);
  if (open.length === 0) lines.push('  (none)');
  lines.push(...deadlineLines(open, now).map((line) => `  ${line}`));
  return lines.join('\n');
}
