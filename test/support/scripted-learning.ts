import type { ClaimMatch } from '../../activities/claims/claim-index';
import { IndexClaimInput, MatchAndIndexClaimInput, MatchClaimInput } from '../../activities/claim-activities';
import { VerdictExample } from '../../activities/classifier/registry/registry-documents';
import { parseInput } from '../../activities/input';

/**
 * The issue-15 activities for workers that run scripted activities: they parse their input with the real
 * schemas, match what the script says (nothing by default) and store nothing. Tests of claim matching and verdict examples use the real
 * activities on the S3 server instead (test/integration/workflows/claim-matching-case.test.ts).
 */
export function scriptedLearningActivities(match: (text: string) => ClaimMatch | null = () => null) {
  return {
    async matchClaim(input: unknown) {
      return match(parseInput('matchClaim', MatchClaimInput, input).text);
    },
    async indexClaim(input: unknown) {
      parseInput('indexClaim', IndexClaimInput, input);
    },
    async matchAndIndexClaim(input: unknown) {
      const { caseId, text } = parseInput('matchAndIndexClaim', MatchAndIndexClaimInput, input);
      const found = match(text);
      return found?.caseId === caseId ? null : found;
    },
    async recordVerdictExample(input: unknown) {
      const example = parseInput('recordVerdictExample', VerdictExample, input);
      return { key: `classifier/examples/${example.caseId}.json` };
    },
  };
}
