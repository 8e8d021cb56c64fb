import type { TextRef } from '../domain/case-state';
import type { ReusableClarification } from '../domain/claim-link';
import type { ClaimMatch } from './claims/claim-index';

export interface IndexClaimInput {
  caseId: string;
  status: 'open' | 'clarified';
  /** Exactly one of the claim's text or where the case stored it (long texts). */
  text?: string;
  textRef?: TextRef;
  clarification?: Pick<ReusableClarification, 'label' | 'text' | 'publishedAt'> &
    Partial<Pick<ReusableClarification, 'title' | 'pillar' | 'publications'>>;
}

/** Claim matching across cases (types only, for workflows). */
export interface ClaimActivities {
  /** Adds or updates a case's claim in the index (idempotent per case). */
  indexClaim(input: IndexClaimInput): Promise<void>;
  /** The open or clarified case whose claim this text repeats, with its clarification when published. */
  matchClaim(input: { text: string }): Promise<ClaimMatch | null>;
  /**
   * matchClaim (never against the case itself), then indexClaim as open: the two intake steps in one
   * local activity, one history marker (issue 14, one-task intake). Idempotent per case.
   */
  matchAndIndexClaim(input: { caseId: string; text: string }): Promise<ClaimMatch | null>;
}
