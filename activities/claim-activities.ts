import { z } from 'zod';
import type { ClaimActivities } from './claims-contract';
import { TextRef } from '../domain/case-state';
import { IndexedClarification, type ClaimIndex } from './claims/claim-index';
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
const INDEX_TTL_MS = 30_000;

/** The index is loaded from S3 by the worker and refreshed at most every 30 s; this worker's own writes show at once. */
export function claimActivities(store: ClaimStore, clock: () => number = Date.now): ClaimActivities {
  let index: ClaimIndex | undefined;
  let loadedAt = 0;
  const current = async () => {
    if (!index || clock() - loadedAt > INDEX_TTL_MS) {
      index = await store.loadIndex();
      loadedAt = clock();
    }
    return index;
  };
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
      await store.put(entry);
      (await current()).add(entry);
    },
    async matchClaim(input) {
      const { text } = parseInput('matchClaim', MatchClaimInput, input);
      return (await current()).match(text) ?? null;
    },
  };
}
