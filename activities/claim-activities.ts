import { z } from 'zod';
import type { ClaimActivities } from './claims-contract';
import { TextRef } from '../domain/case-state';
import { IndexedClarification } from './claims/claim-index';
import { ClaimIndexReplica } from './claims/claim-index-replica';
import type { ClaimStore } from './claims/claim-store';
import { signatureOf } from './claims/minhash';
import { parseInput } from './input';

export const IndexClaimInput = z
  .object({
    caseId: z.string().min(1).max(200),
    status: z.enum(['open', 'clarified']),
    /** The claim's text, or where the case stored it in S3 (long texts). */
    text: z.string().min(1).max(100_000).optional(),
    textRef: TextRef.optional(),
    clarification: IndexedClarification().optional(),
  })
  .refine((input) => (input.text === undefined) !== (input.textRef === undefined), {
    message: 'give the claim as exactly one of text or textRef',
  });
export const MatchClaimInput = z.object({ text: z.string().min(1).max(100_000) });
export const MatchAndIndexClaimInput = z.object({
  caseId: z.string().min(1).max(200),
  text: z.string().min(1).max(100_000),
});

/** Matches against this worker's replica of the index in S3 (./claims/claim-index-replica); its own writes show at once. */
export function claimActivities(store: ClaimStore, clock: () => number = Date.now): ClaimActivities {
  const replica = new ClaimIndexReplica(store, clock);
  async function index(entry: Parameters<ClaimStore['put']>[0]): Promise<void> {
    const stored = await store.put(entry);
    await replica.current();
    replica.written(entry, stored);
  }
  return {
    async indexClaim(input) {
      const { caseId, status, text, textRef, clarification } = parseInput(
        'indexClaim',
        IndexClaimInput,
        input,
      );
      const entry = {
        caseId,
        status,
        signature: signatureOf(text ?? (await store.readText(textRef!))),
        ...(clarification ? { clarification } : {}),
      };
      await index(entry);
    },
    async matchClaim(input) {
      const { text } = parseInput('matchClaim', MatchClaimInput, input);
      return (await replica.current()).match(text) ?? null;
    },
    async matchAndIndexClaim(input) {
      const { caseId, text } = parseInput('matchAndIndexClaim', MatchAndIndexClaimInput, input);
      // Matched before registering, and never against itself, so a retry answers as the first try did.
      const match = (await replica.current()).match(text, undefined, caseId) ?? null;
      await index({ caseId, status: 'open', signature: signatureOf(text) });
      return match;
    },
  };
}
