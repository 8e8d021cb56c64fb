/**
 * How long one workflow task of a case, or of a case's child, may run before the server hands it to a
 * new attempt. Temporal's default is 10 s, which a busy two-core worker can pass while a task waits for
 * the workflow thread.
 *
 * A failed or timed-out task is costly for a case that is still receiving detections: every retry is a
 * transient task, and the server fails it again (WORKFLOW_TASK_FAILED_CAUSE_FORCE_CLOSE_COMMAND) whenever
 * more than 100 signals wait behind it (`history.maximumBufferedEventsBatch`), so the case stalls until
 * the signals stop. In that churn SDK 1.24's core can take a new task for a run it has not yet evicted
 * ("Trying to send a new WFT for a run which already has one!") and then fail the case's tasks with a
 * nondeterminism error (docs/platform-engineers.md, "A case stuck on a failing workflow task").
 * A longer timeout closes the timeout door into that churn. The buffer door is narrowed by the case
 * client, which keeps at most one detection signal per case under way and groups the rest
 * (cases/detection-coalescer.ts); it stays open to over 100 senders signalling one case at once.
 *
 * The price: a task held by a worker that dies is retried elsewhere after this long instead of 10 s.
 */
export const CASE_WORKFLOW_TASK_TIMEOUT = '30s';
