import type { ReportKind, ReportRequest } from '../domain';

/** Reports count days as the unit does: in WITA (Asia/Makassar, UTC+8, no daylight saving). */
const WITA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface PeriodRange {
  from: Date;
  to: Date;
}

/** [from, to) in UTC of a day (YYYY-MM-DD) or month (YYYY-MM) in WITA. */
export function periodRange(request: ReportRequest): PeriodRange {
  if (request.kind === 'daily') {
    const from = Date.parse(`${request.period}T00:00:00Z`) - WITA_OFFSET_MS;
    return { from: new Date(from), to: new Date(from + DAY_MS) };
  }
  const [year, month] = request.period.split('-').map(Number) as [number, number];
  return {
    from: new Date(Date.UTC(year, month - 1, 1) - WITA_OFFSET_MS),
    to: new Date(Date.UTC(year, month, 1) - WITA_OFFSET_MS),
  };
}

/** The last whole day or month (WITA) before `at`: what a scheduled run at `at` reports on. */
export function previousPeriod(kind: ReportKind, at: Date): ReportRequest {
  const wita = new Date(at.getTime() + WITA_OFFSET_MS);
  if (kind === 'daily') {
    const day = new Date(Date.UTC(wita.getUTCFullYear(), wita.getUTCMonth(), wita.getUTCDate()) - DAY_MS);
    return { kind, period: day.toISOString().slice(0, 10) };
  }
  const month = new Date(Date.UTC(wita.getUTCFullYear(), wita.getUTCMonth() - 1, 1));
  return { kind, period: month.toISOString().slice(0, 7) };
}

/** The days (YYYY-MM-DD) of a month (YYYY-MM). */
export function daysOfMonth(month: string): string[] {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(year, index, 0)).getUTCDate();
  return Array.from({ length: count }, (_, day) => `${month}-${String(day + 1).padStart(2, '0')}`);
}

export function within(at: string | undefined, range: PeriodRange): boolean {
  if (at === undefined) return false;
  const time = Date.parse(at);
  return time >= range.from.getTime() && time < range.to.getTime();
}
