import type { VerdictExample } from './classifier/registry/registry-documents';

export interface RetrainingResult {
  candidate: string;
  current?: string;
  promoted: boolean;
  reasons: string[];
  examples: number;
  candidateAccuracy: number;
  currentAccuracy?: number;
  reportKey: string;
}

/** Classifier upkeep, run by the retraining workflow (types only: workflows import nothing else). */
export interface ClassifierActivities {
  /** Stores a verifier's verdict as a labelled example with its evidence reference. */
  recordVerdictExample(input: VerdictExample): Promise<{ key: string }>;
  /** Trains on the committed train split plus verdict examples; promotes only if no worse on the test split. */
  retrainClassifier(input: { runId: string }): Promise<RetrainingResult>;
}
