/**
 * The CloudWatch metrics Saring's processes publish and the alarms watch. The app side imports these names
 * (publish them with PutMetricData or the embedded metric format); keep the two sides on one definition.
 */
export const METRICS_NAMESPACE = 'Saring';

export const METRIC = {
  /** Running cases with a breached deadline (a level: it stays up while they run). Unit: Count. */
  slaBreaches: 'SlaBreaches',
  /** One sample of 1 per deadline breach, when it happens (an event: the alarm sums it per period). Unit: Count. */
  slaBreached: 'SlaBreached',
  /** Tasks waiting on a task queue (approximate backlog count). Unit: Count. Dimension: TaskQueue. */
  taskQueueBacklog: 'TaskQueueBacklog',
  /** Activity or workflow task failures seen by workers. Unit: Count. */
  workerErrors: 'WorkerErrors',
} as const;

export const METRIC_DIMENSION = {
  taskQueue: 'TaskQueue',
} as const;
