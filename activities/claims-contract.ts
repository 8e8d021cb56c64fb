import type { ClaimMatch } from './claims/claim-index';

export interface IndexClaimInput {
  caseId: string;
  status: 'open' | 'clarified';
  text: string;
  clarification?: { label: string; text: string; publishedAt: string };
}

/** Claim matching across cases (types only, for workflows). */
export interface ClaimActivities {
  /** Adds or updates a case's claim in the index (idempotent per case). */
  indexClaim(input: IndexClaimInput): Promise<void>;
  /** The open or clarified case whose claim this text repeats, with its clarification when published. */
  matchClaim(input: { text: string }): Promise<ClaimMatch | null>;
}
