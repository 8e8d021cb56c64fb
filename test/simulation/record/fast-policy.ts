import { CasePolicy } from '../../../domain';
import defaultPolicy from '../../../policy/default-policy.json';

/**
 * The default policy with every duration cut to minutes, for recording on the real dev server (whose
 * clock cannot be skipped): the same stages, reminders, ladder and continue-as-new, in real time.
 */
export const FAST_RECORDING_POLICY: CasePolicy = CasePolicy.parse({
  ...defaultPolicy,
  version: '2025-11.901',
  notes: [
    'Recording policy for the replay corpus: the shipped policy with durations in minutes. Never for real cases.',
  ],
  sla: {
    verification: { urgent: '2m', high: '3m', normal: '4m' },
    takedownCompliance: { urgent: '2m', high: '3m', normal: '3m' },
    objectionReview: { urgent: '2m', high: '3m', normal: '4m' },
    policeAcknowledgment: { urgent: '1m', high: '2m', normal: '3m' },
    policeReport: { urgent: '3m', high: '4m', normal: '5m' },
    clarificationPublication: { urgent: '2m', high: '3m', normal: '4m' },
    responsePublication: { urgent: '3m', high: '4m', normal: '5m' },
  },
  escalationLadder: { ST1: '0h', ST2: '1m', ST3: '1m' },
  takedown: { statusPollInterval: '1m' },
  monitoring: { period: '5m', checkInterval: '1m', checksPerRun: 2 },
});
