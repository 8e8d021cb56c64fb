/**
 * CloudWatch embedded metric format: one JSON line on stdout per sample. The awslogs driver ships
 * stdout to CloudWatch Logs, which turns these lines into metrics, so the worker needs no
 * PutMetricData permission or SDK of its own for them.
 */
export interface MetricSample {
  name: string;
  value: number;
  unit: 'Count' | 'Seconds';
}

export function emfLine(
  namespace: string,
  dimensions: Record<string, string>,
  samples: MetricSample[],
  at = new Date(),
): string {
  return JSON.stringify({
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: namespace,
          Dimensions: [Object.keys(dimensions)],
          Metrics: samples.map((sample) => ({ Name: sample.name, Unit: sample.unit })),
        },
      ],
    },
    ...dimensions,
    ...Object.fromEntries(samples.map((sample) => [sample.name, sample.value])),
  });
}
