import { createHash } from 'node:crypto';

/** Stable digest of a JSON value (keys sorted), to tell a retry from a reuse of a requestId. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export type Remembered<T> = { kind: 'new' } | { kind: 'replay'; answer: T } | { kind: 'conflict' };

/**
 * What a receiver must do for idempotent requests: the first request with a key is acted on; a repeat
 * with the same payload gets the first answer again; the same key with another payload is a conflict.
 */
export class IdempotencyStore<T> {
  private readonly seen = new Map<string, { fingerprint: string; answer: T }>();

  check(key: string, payload: unknown): Remembered<T> {
    const known = this.seen.get(key);
    if (!known) return { kind: 'new' };
    return known.fingerprint === fingerprint(payload)
      ? { kind: 'replay', answer: known.answer }
      : { kind: 'conflict' };
  }

  remember(key: string, payload: unknown, answer: T): void {
    this.seen.set(key, { fingerprint: fingerprint(payload), answer });
  }
}
