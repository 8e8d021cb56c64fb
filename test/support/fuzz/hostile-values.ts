import fc from 'fast-check';

/** How many generated inputs per route, update or command (FUZZ_RUNS overrides; the CI form uses 1,000). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/**
 * Bad payloads per workflow update sent through Temporal: 1,000 in CI too. Each update type has a case
 * of its own and all are sent at once (test/integration/fuzz/workflow-updates.test.ts).
 */
export const FUZZ_UPDATE_RUNS = Number(process.env.FUZZ_UPDATE_RUNS ?? 1000);
/** One seed per run, printed first so a failure can be replayed with FUZZ_SEED=<seed>. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** Strings that break naive code: controls, bidi, lone surrogates, look-alikes, huge, path and CRLF tricks. */
export const edgeStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\r\nX-Injected: 1',
  '\u202Egnp.exe',
  '\uD800',
  '\uDFFF',
  '\uFEFF',
  'ｃａｓｅ',
  '𝕏𝕏',
  '../../etc/passwd',
  '%2e%2e%2f',
  '%00',
  '%',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${7*7}',
  'a'.repeat(5000),
  '9'.repeat(400),
);

export const hostileString = fc.oneof(
  { weight: 2, arbitrary: edgeStrings },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** Any JSON value of the wrong kind somewhere: numbers, nested objects, unicode keys. */
export const hostileJson = fc.jsonValue({ maxDepth: 4 });

export function deepJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}
