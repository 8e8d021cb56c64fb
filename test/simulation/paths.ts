import type { CaseFacts } from './observe';

/**
 * The terminal path a case took, as a short name: resolution, verdict, how each takedown ended (and
 * its highest ladder step), a rejected objection, police report, published statements, SLA breaches,
 * re-uploads, early close, continue-as-new, later generation. The simulator counts the paths it reaches; the recorder keeps
 * one dev-server history per path.
 */
export function terminalPath(facts: CaseFacts): string {
  const outcome = facts.outcome;
  if (!outcome) return `ended-${facts.status.toLowerCase()}`;
  const parts: string[] = [outcome.resolution, outcome.verdictKind ?? 'no-verdict'];
  const takedowns = [
    ...new Set(
      outcome.takedowns.map((takedown) => `${takedown.result}${takedown.level ? `-${takedown.level}` : ''}`),
    ),
  ].sort();
  if (takedowns.length > 0) parts.push(`takedown-${takedowns.join('+')}`);
  if (facts.state?.tracks.takedowns.some((track) => track.objection?.decision === 'reject'))
    parts.push('objection-rejected');
  if (outcome.policeReportNumber) parts.push('police-reported');
  else if (facts.state?.tracks.police) parts.push('police-open');
  for (const statement of outcome.statements) parts.push(`${statement.kind}-published`);
  if (outcome.slaBreaches > 0) parts.push('sla-breach');
  if (outcome.reuploads > 0) parts.push('reupload');
  if (outcome.closedBy && outcome.resolution !== 'withdrawn') parts.push('closed-early');
  if (facts.runs.length > 1) parts.push('continued-as-new');
  if (/\.[0-9]+$/.test(facts.workflowId)) parts.push('next-generation');
  return parts.join('_').replace(/_/g, '.');
}
