import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { connectClient, DEFAULT_TASK_QUEUE } from '../config/temporal';
import { submitDetection } from '../cases/submit-detection';
import type { LocalSettings, localDataPaths } from './local-settings';

const SampleFile = z.object({
  detections: z.array(z.record(z.string(), z.unknown())).min(1),
});

/**
 * Submits the sample detections once per data folder (a marker file remembers it), so restarts do not
 * count them again as repeat detections. Returns a line for the start summary.
 */
export async function loadSampleCasesOnce(
  paths: ReturnType<typeof localDataPaths>,
  settings: LocalSettings,
): Promise<string> {
  if (fs.existsSync(paths.samplesMarker))
    return `already loaded (${fs.readFileSync(paths.samplesMarker, 'utf8').trim()})`;
  const samples = SampleFile.parse(
    JSON.parse(fs.readFileSync(path.join(__dirname, 'sample-cases.json'), 'utf8')),
  );
  const client = await connectClient({
    address: `127.0.0.1:${settings.SARING_TEMPORAL_PORT}`,
    namespace: settings.SARING_NAMESPACE,
    taskQueue: DEFAULT_TASK_QUEUE,
    tls: false,
    payloadKeys: { keyFile: paths.codecKeys },
  });
  const caseIds: string[] = [];
  try {
    for (const sample of samples.detections) {
      const submitted = await submitDetection({ client, taskQueue: DEFAULT_TASK_QUEUE }, {
        ...sample,
        observedAt: new Date().toISOString(),
      } as Parameters<typeof submitDetection>[1]);
      caseIds.push(submitted.caseId);
    }
  } finally {
    await client.connection.close();
  }
  const summary = `${caseIds.length} cases: ${caseIds.join(', ')}`;
  fs.writeFileSync(paths.samplesMarker, `${new Date().toISOString()} ${summary}\n`);
  return `loaded ${summary}`;
}
