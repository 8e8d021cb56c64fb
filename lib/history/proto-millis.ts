/**
 * Milliseconds of a protobuf Timestamp or Duration as history events carry them (`seconds` a Long, a
 * number or absent; `nanos` a number or absent). Absent reads as zero: callers pass fields the server
 * always sets, and a history read as JSON may hold plain numbers where the client gives Longs.
 */
export function protoMillis(value: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  return Number(value?.seconds ?? 0) * 1000 + Math.floor((value?.nanos ?? 0) / 1e6);
}
