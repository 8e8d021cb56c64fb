import { type temporal } from '@temporalio/proto';

/** The patch ids a history's `patched()` markers record, in order. */
export function patchIds(events: temporal.api.history.v1.IHistoryEvent[]): string[] {
  return events
    .filter((event) => event.markerRecordedEventAttributes?.markerName === 'core_patch')
    .map((event) => {
      const data = event.markerRecordedEventAttributes!.details!['patch-data']!.payloads![0]!.data!;
      return (JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id;
    });
}
