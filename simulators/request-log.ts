import type { Route } from './http-kit';

export interface LogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  /** What was asked: "takedown", "status", "warning_letter", "package", "statement", ... */
  kind: string;
  requestId?: string;
  /** accepted | duplicate | conflict | refused | invalid | unauthorized | failed_transient | read */
  outcome: string;
  status: number;
  detail?: string;
}

/**
 * Every request a simulator saw and what it did with it, for tests to assert on (GET /_log, filterable
 * by any field: /_log?kind=takedown&requestId=...).
 */
export class RequestLog {
  private readonly entries: LogEntry[] = [];

  add(entry: Omit<LogEntry, 'seq' | 'at'>): void {
    this.entries.push({ seq: this.entries.length + 1, at: new Date().toISOString(), ...entry });
  }

  query(filters: URLSearchParams): LogEntry[] {
    return this.entries.filter((entry) =>
      [...filters.entries()].every(
        ([key, value]) => String((entry as unknown as Record<string, unknown>)[key]) === value,
      ),
    );
  }

  route(): Route {
    return {
      method: 'GET',
      path: /^\/_log$/,
      handle: (request) => ({ status: 200, body: this.query(request.url.searchParams) }),
    };
  }
}
