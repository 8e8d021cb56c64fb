import { describeState, deadlineLines } from '../../../cli/case-view';
import { CaseState } from '../../../domain';
import { sampleCaseState, sha } from '../../support/cli/sample-case-state';

const NOW = Date.parse('2025-11-20T10:00:00Z');
const state = sampleCaseState;

describe('saring case show: the rendered case', () => {
  it('separates and aligns every field, the tracks included, whatever the longest label', () => {
    expect(describeState(state, NOW).split('\n')).toEqual([
      'Case           case-0123456789abcdef0123 (generation 1)',
      'Stage          action  [SLA BREACHED]',
      'Priority       urgent',
      'Category       hoax',
      'Region         banjarmasin',
      'Assignee       siti.verifier',
      'Opened         2025-11-20 08:00:00Z  (policy 2025-11.1)',
      'Content        https://www.youtube.com/watch?v=banjir',
      'Detections     3 (crawler 2, officer 1)',
      'Classifier     hoax 0.80 (hoax.flood) model rules-only',
      'Verdict        hoax [HOAKS] by siti.verifier at 2025-11-20 08:30:00Z: Dinkes: tidak benar',
      'Clarification  published (revision 1 by siti.verifier)',
      'Response       drafting',
      'Takedown       youtube-1 escalating ST1 https://www.youtube.com/watch?v=banjir',
      'Police         reported report LP/B/123/XI/2025',
      '',
      'Evidence',
      `  snapshot        sha256 ${sha('a')}  saring-evidence/case-0123456789abcdef0123/snapshot.html`,
      `  police_package  sha256 ${sha('b')}  saring-evidence/case-0123456789abcdef0123/police.zip`,
      '',
      'Open deadlines',
      '  takedown on youtube (youtube-1)  due 2025-11-20 12:30:00Z (in 2h 30m)',
      '  police report number             due 2025-11-20 09:30:00Z (overdue 30m) BREACHED -> budi.supervisor',
    ]);
  });

  it('keeps a gap after the label when no track widens the column', () => {
    const quiet = CaseState.parse({
      ...state,
      tracks: { takedowns: [] },
      verdict: undefined,
      classification: undefined,
      evidence: [],
      deadlines: [],
    });
    const lines = describeState(quiet, NOW).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Case        case-0123456789abcdef0123 (generation 1)',
      'Stage       action  [SLA BREACHED]',
      'Priority    urgent',
    ]);
    expect(lines.slice(-5)).toEqual(['Evidence', '  (none)', '', 'Open deadlines', '  (none)']);
  });

  it('shows the model that classified the case and the case whose claim it repeats (issue 15)', () => {
    const linked = CaseState.parse({
      ...state,
      classification: { ...state.classification, modelVersion: 'lr-0123456789ab' },
      claimLink: {
        caseId: 'case-11111111111111111111',
        status: 'clarified',
        similarity: 0.456,
        linkedAt: '2025-11-20T08:01:00Z',
        clarification: {
          label: 'HOAKS',
          title: 'Banjir bandang hoaks',
          text: 'Faktanya tidak ada banjir bandang.',
          pillar: 'digital_culture',
          publishedAt: '2025-11-19T08:00:00Z',
          publications: [
            { channel: 'website', url: 'https://kominfo.example/k/1', publishedAt: '2025-11-19T08:00:00Z' },
          ],
        },
      },
    });
    const lines = describeState(linked, NOW).split('\n');
    expect(lines).toContain('Classifier     hoax 0.80 (hoax.flood) model lr-0123456789ab');
    expect(lines).toContain(
      'Same claim     case-11111111111111111111 (similarity 0.46, clarified); clarification [HOAKS] "Banjir bandang hoaks" can be reused (case act <id> reuseClarification --json \'{"fromCaseId":"case-11111111111111111111"}\')',
    );
    const reused = CaseState.parse({
      ...linked,
      clarificationReuse: {
        fromCaseId: 'case-11111111111111111111',
        by: { officerId: 'siti.verifier', role: 'verifier' },
        at: '2025-11-20T08:30:00Z',
      },
    });
    expect(describeState(reused, NOW).split('\n')).toContain(
      'Same claim     case-11111111111111111111 (similarity 0.46, clarified); its clarification reused by siti.verifier',
    );
  });

  it('aligns the deadlines of saring case deadlines over the whole list', () => {
    expect(deadlineLines(state.deadlines.slice(0, 2), NOW)).toEqual([
      'takedown on youtube (youtube-1)  due 2025-11-20 12:30:00Z (in 2h 30m)',
      'police report number             due 2025-11-20 09:30:00Z (overdue 30m) BREACHED -> budi.supervisor',
    ]);
  });
});
