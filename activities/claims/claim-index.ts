import { z } from 'zod';
import { ReusableClarification } from '../../domain/claim-link';
import { PERMUTATIONS, signatureOf, similarity } from './minhash';

/** Similarity (estimated Jaccard of claim shingles) from which two posts count as the same claim. */
export const MATCH_THRESHOLD = 0.3;
// 64 bands of 2 rows: two claims at similarity 0.3 share a band with probability 1 - (1 - 0.3²)^64 ≈ 0.998.
const BANDS = 64;
const ROWS = PERMUTATIONS / BANDS;

/** A published clarification; a case can reuse it only when title, pillar and publications are there too. */
export function IndexedClarification() {
  return ReusableClarification.partial({ title: true, pillar: true, publications: true });
}

export const ClaimEntry = z.object({
  caseId: z.string().min(1).max(200),
  status: z.enum(['open', 'clarified']),
  signature: z.array(z.number().int().nonnegative()).length(PERMUTATIONS),
  /** For a clarified hoax: the published clarification a verifier may reuse as it stands. */
  clarification: IndexedClarification().optional(),
});
export type ClaimEntry = z.infer<typeof ClaimEntry>;

export interface ClaimMatch {
  caseId: string;
  status: ClaimEntry['status'];
  similarity: number;
  clarification?: ClaimEntry['clarification'];
}

/**
 * Near-duplicate lookup by MinHash with LSH banding: only entries sharing at least one band with the
 * query are compared, so a lookup stays cheap as the index grows.
 */
export class ClaimIndex {
  private readonly entries = new Map<string, ClaimEntry>();
  private readonly bands = new Map<string, Set<string>>();

  add(entry: ClaimEntry): void {
    this.entries.set(entry.caseId, entry);
    for (const band of bandKeys(entry.signature)) {
      const ids = this.bands.get(band) ?? new Set<string>();
      ids.add(entry.caseId);
      this.bands.set(band, ids);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The best-matching open or clarified case at or above the threshold; clarified cases win ties.
   * `excludeCaseId`'s own claim never matches (a retried match-and-register finds its own entry).
   */
  match(text: string, threshold = MATCH_THRESHOLD, excludeCaseId?: string): ClaimMatch | undefined {
    const signature = signatureOf(text);
    const candidates = new Set<string>();
    for (const band of bandKeys(signature)) for (const id of this.bands.get(band) ?? []) candidates.add(id);
    let best: ClaimMatch | undefined;
    for (const id of candidates) {
      const entry = this.entries.get(id)!;
      if (entry.caseId === excludeCaseId) continue;
      const score = similarity(signature, entry.signature);
      if (score < threshold) continue;
      const better =
        !best ||
        score > best.similarity ||
        (score === best.similarity && entry.status === 'clarified' && best.status !== 'clarified');
      if (better)
        best = {
          caseId: entry.caseId,
          status: entry.status,
          similarity: score,
          ...(entry.clarification ? { clarification: entry.clarification } : {}),
        };
    }
    return best;
  }
}

function bandKeys(signature: readonly number[]): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++)
    keys.push(`${band}:${signature.slice(band * ROWS, (band + 1) * ROWS).join(',')}`);
  return keys;
}
