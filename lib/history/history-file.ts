import { HISTORY_SCHEMAS } from './history-envelope';
import { canonicalJson } from '../canonical-json';

type HistoryEvent = Record<string, unknown> & { eventId?: string; eventType?: string };

/** A history read from a file: a raw export, the API's export envelope, or an archive document from the audit bucket. */
export interface HistoryFile {
  format: 'raw' | 'export' | 'archive';
  /** The history's own text, cut out byte for byte from an envelope or archive. */
  historyText: string;
  events: HistoryEvent[];
  caseId?: string;
  runId?: string;
  /** The digest the file says its history has (export envelopes). */
  statedSha256?: string;
  /** What the file says about its payloads: "encoded" (as Temporal stores them); absent in older files. */
  payloads?: string;
  /** The archive step's request id (archive documents): names the object the case recorded. */
  requestId?: string;
}

const HEADER_SCHEMAS: Record<string, HistoryFile['format']> = {
  [HISTORY_SCHEMAS.export]: 'export',
  [HISTORY_SCHEMAS.archive]: 'archive',
};

export class NotAHistoryFile extends Error {}

export function readHistoryFile(text: string): HistoryFile {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new NotAHistoryFile(`the file is not JSON (${(error as Error).message})`);
  }
  const format =
    typeof parsed.schema === 'string'
      ? HEADER_SCHEMAS[parsed.schema]
      : Array.isArray(parsed.events)
        ? 'raw'
        : undefined;
  if (!format)
    throw new NotAHistoryFile(
      'the file is neither a history export, an archive document nor a raw history ({"events": [...]})',
    );

  let historyText = text;
  let history: unknown = parsed;
  if (format !== 'raw') {
    // Envelopes put the history last: `{...header,"history":<history>}`. A key in quotes cannot occur
    // inside a JSON string unescaped, so the first `,"history":` is the header's.
    const marker = ',"history":';
    const start = text.indexOf(marker);
    const end = text.lastIndexOf('}');
    historyText =
      start >= 0 && end > start ? text.slice(start + marker.length, end) : JSON.stringify(parsed.history);
    history = parsed.history;
  }
  const events = (history as { events?: unknown }).events;
  if (!Array.isArray(events)) throw new NotAHistoryFile('the history in the file has no events list');
  const started = (
    events[0] as { workflowExecutionStartedEventAttributes?: { originalExecutionRunId?: string } } | undefined
  )?.workflowExecutionStartedEventAttributes;
  const header = format === 'raw' ? {} : parsed;
  const caseId =
    typeof header.caseId === 'string'
      ? header.caseId
      : typeof header.workflowId === 'string'
        ? header.workflowId
        : undefined;
  const runId = typeof header.runId === 'string' ? header.runId : started?.originalExecutionRunId;
  return {
    format,
    historyText,
    events: events as HistoryEvent[],
    ...(caseId ? { caseId } : {}),
    ...(runId ? { runId } : {}),
    ...(typeof header.sha256 === 'string' ? { statedSha256: header.sha256 } : {}),
    ...(typeof header.requestId === 'string' ? { requestId: header.requestId } : {}),
    ...(typeof header.payloads === 'string' ? { payloads: header.payloads } : {}),
  };
}

export type Comparison =
  | { result: 'identical'; events: number }
  | { result: 'prefix'; events: number; liveEvents: number }
  | { result: 'altered'; detail: string };

/** The first path where two JSON values differ, e.g. "workflowTaskCompletedEventAttributes.identity". */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (canonicalJson(a) === canonicalJson(b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const found = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
      );
      if (found) return found;
    }
  }
  return path || '(whole event)';
}

/**
 * Compares an archived history with the live one, event by event in canonical form, so key order
 * and indentation do not matter but every value does. An archive written while the case was closing
 * holds fewer events than the finished history: it is intact when each of its events is unchanged.
 */
export function compareHistories(archived: HistoryEvent[], live: HistoryEvent[]): Comparison {
  if (archived.length > live.length) {
    return {
      result: 'altered',
      detail: `the file has ${archived.length} events but Temporal's history has only ${live.length}`,
    };
  }
  for (let index = 0; index < archived.length; index += 1) {
    const difference = firstDifference(archived[index], live[index]);
    if (difference) {
      const event = live[index]!;
      return {
        result: 'altered',
        detail: `event ${event.eventId ?? index + 1} (${event.eventType ?? 'unknown type'}) differs from Temporal's history at ${difference}`,
      };
    }
  }
  return archived.length === live.length
    ? { result: 'identical', events: live.length }
    : { result: 'prefix', events: archived.length, liveEvents: live.length };
}
