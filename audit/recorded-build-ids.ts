interface EventJson {
  workflowTaskCompletedEventAttributes?: {
    workerVersion?: { buildId?: string };
    deploymentVersion?: { buildId?: string };
    binaryChecksum?: string;
  };
}

/** Build ids of the workers that recorded a run (from its WorkflowTaskCompleted events), first seen first. */
export function recordedBuildIds(historyJson: string): string[] {
  const events = (JSON.parse(historyJson) as { events: EventJson[] }).events;
  const ids = events
    .map((event) => event.workflowTaskCompletedEventAttributes)
    .map((done) => done?.workerVersion?.buildId || done?.deploymentVersion?.buildId || done?.binaryChecksum)
    .filter((id): id is string => !!id);
  return [...new Set(ids)];
}
