import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ClassifierActivities, RetrainingResult } from '../activities/classifier-contract';

const { retrainClassifier } = proxyActivities<ClassifierActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '10 minutes',
  retry: { maximumAttempts: 3 },
});

/** Started weekly by the classifier-retraining Schedule: train, evaluate on the fixed test split, maybe promote. */
export async function ClassifierRetrainingWorkflow(): Promise<RetrainingResult> {
  return retrainClassifier({ runId: workflowInfo().runId });
}
