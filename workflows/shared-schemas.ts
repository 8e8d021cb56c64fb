/**
 * Preloaded once per worker V8 context (bundlerOptions.preloadModules, see workers/workflow-bundling.ts),
 * so domain/ and zod are evaluated once and shared by every cached workflow instead of once per workflow:
 * 36.9 ms of CPU and 2,213 KiB of heap per workflow start or replay before, 2.7 ms and 84 KiB now
 * (`npm run bench:workflow-start`; docs/performance.md, "What a cached case costs").
 *
 * The SDK deep-freezes what a preloaded module exports once preloading ends. zod 4 finishes a schema
 * lazily: methods are bound and stored on the instance on first read, internal getters memoize onto
 * `_zod` on first read, and the cycle-detection wrapper swaps `_zod.parse` back on the first parse. On a
 * frozen schema each of those throws. So every schema reachable from domain/ is finished here, before the
 * freeze: every property read (own and inherited getters) and one parse run on every schema node.
 * zod also resets `lastIndex` on its patterns before every test, which a frozen RegExp refuses; each
 * RegExp found is swapped for a proxy of a private copy that declines to be frozen (the SDK skips what it
 * cannot freeze), so patterns stay writable while everything else is frozen.
 * test/integration/workflows/shared-schemas.test.ts parses fuzzed samples through these frozen schemas
 * and through fresh per-workflow ones, and requires the same outcomes.
 */
import * as domain from '../domain';

const isObjectLike = (value: unknown): value is object =>
  (typeof value === 'object' && value !== null) || typeof value === 'function';

interface SchemaInternals {
  _zod: { run: (payload: { value: unknown; issues: unknown[] }, ctx: object) => unknown };
}

const isSchema = (value: object): value is SchemaInternals =>
  '_zod' in value && isObjectLike(value._zod) && typeof (value as SchemaInternals)._zod.run === 'function';

const swappedPatterns = new WeakMap<RegExp, RegExp>();

function unfreezablePattern(pattern: RegExp): RegExp {
  const existing = swappedPatterns.get(pattern);
  if (existing) return existing;
  const copy = new RegExp(pattern.source, pattern.flags);
  const swapped = new Proxy(copy, {
    // RegExp methods need the real object as `this` (internal slots), not the proxy.
    get: (target, key) => {
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set: (target, key, value) => Reflect.set(target, key, value, target),
    preventExtensions: () => false,
  });
  swappedPatterns.set(pattern, swapped);
  swappedPatterns.set(swapped, swapped);
  return swapped;
}

function swapPatterns(holder: object): void {
  for (const key of Reflect.ownKeys(holder)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(holder, key);
    if (!descriptor || !('value' in descriptor) || !(descriptor.value instanceof RegExp)) continue;
    const swapped = unfreezablePattern(descriptor.value);
    if (swapped === descriptor.value) continue;
    if (descriptor.writable) (holder as Record<PropertyKey, unknown>)[key] = swapped;
    else if (descriptor.configurable) Object.defineProperty(holder, key, { ...descriptor, value: swapped });
  }
}

function readEverything(target: object, found: (value: unknown) => void): void {
  for (let holder: object | null = target; holder; holder = Object.getPrototypeOf(holder) as object | null) {
    if (holder === Object.prototype || holder === Function.prototype) break;
    for (const key of Reflect.ownKeys(holder)) {
      if (key === 'caller' || key === 'callee' || key === 'arguments') continue;
      try {
        found((target as Record<PropertyKey, unknown>)[key]);
      } catch {
        // A getter that needs input (or is not for this type) has nothing to memoize.
      }
    }
  }
}

/** Finishes every schema reachable from `root`; returns how many schema nodes it ran. */
export function finishSchemasForFreezing(root: unknown): number {
  const seen = new WeakSet<object>();
  const pending: object[] = [];
  const visit = (value: unknown) => {
    if (!isObjectLike(value) || seen.has(value)) return;
    seen.add(value);
    pending.push(value);
  };
  visit(root);
  let schemas = 0;
  while (pending.length > 0) {
    const next = pending.pop()!;
    // Functions are frozen shallowly by the SDK; only objects need finishing.
    if (typeof next === 'function' || swappedPatterns.has(next as RegExp)) continue;
    readEverything(next, visit);
    swapPatterns(next);
    if (isSchema(next)) {
      schemas += 1;
      try {
        next._zod.run({ value: undefined, issues: [] }, {});
      } catch {
        // Rejecting undefined is the expected outcome; the first run itself is the point. What it
        // changes is on `_zod`, already pending, so it is read after the run.
      }
    }
  }
  return schemas;
}

export const sharedSchemaCount = finishSchemasForFreezing(domain);
