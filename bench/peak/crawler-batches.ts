import { z } from 'zod';
import { callApi } from './api-caller';

const BatchAnswer = z.object({
  results: z.array(
    z
      .object({ line: z.number().int().min(1), caseId: z.string().optional(), error: z.unknown().optional() })
      .loose(),
  ),
});
export type BatchLineResult = z.infer<typeof BatchAnswer>['results'][number];

export interface CrawlerBatches<T> {
  apiUrl: string;
  /** The crawler's bearer token, asked for before each batch (it may be renewed). */
  token: () => Promise<string>;
  items: readonly T[];
  /** The NDJSON line an item is sent as. */
  lineOf: (item: T) => unknown;
  batchLines: number;
  batchesInFlight: number;
  /** Called with each line's answer (a case id, or the error) and the item it answers. */
  onResult: (result: BatchLineResult, item: T) => void;
}

/**
 * Sends items through POST /api/detections/batch as a crawler does: NDJSON batches of `batchLines`,
 * `batchesInFlight` at a time. A batch that gets no answer is resent whole (callApi retries network errors,
 * 429 and 5xx; the lines' detectionIds keep a resent line from counting twice); any other answer but 200
 * fails the whole send.
 */
export async function sendDetectionBatches<T>(options: CrawlerBatches<T>): Promise<void> {
  const batches: T[][] = [];
  for (let i = 0; i < options.items.length; i += options.batchLines)
    batches.push(options.items.slice(i, i + options.batchLines));
  let next = 0;
  await Promise.all(
    Array.from({ length: options.batchesInFlight }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const answer = await callApi({
          method: 'POST',
          url: `${options.apiUrl}/api/detections/batch`,
          token: options.token,
          ndjson: batch.map((item) => JSON.stringify(options.lineOf(item))).join('\n') + '\n',
        });
        if (answer.status !== 200)
          throw new Error(`the batch endpoint answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        for (const result of BatchAnswer.parse(answer.body).results) {
          const item = batch[result.line - 1];
          if (item === undefined)
            throw new Error(
              `the batch endpoint answered line ${result.line} of a ${batch.length}-line batch`,
            );
          options.onResult(result, item);
        }
      }
    }),
  );
}
