import { z } from 'zod';

/**
 * Text people type (reasons, notes, drafts, names) is shown to officers, printed by the CLI and
 * published. Bidi controls can make it read differently from what it is ("Trojan Source"), and control
 * characters can rewrite a terminal line or a log entry, so they are removed where the text enters:
 * at the zod schema. Tab and newline stay. Content itself (a detection's `text`) is evidence and is
 * kept byte for byte.
 */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface RemovedCharacters {
  bidi: number;
  control: number;
  unpairedSurrogate: number;
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

export function removedCharacters(text: string): RemovedCharacters {
  return {
    bidi: count(text, BIDI),
    control: count(text, CONTROL),
    unpairedSurrogate: count(text, LONE_SURROGATE),
  };
}

export function stripUnsafeCharacters(text: string): string {
  return text.replace(LONE_SURROGATE, '').replace(BIDI, '').replace(CONTROL, '');
}

/** Free text of up to `max` characters after the unsafe characters are removed and the ends trimmed. */
export const FreeText = (max: number, min = 1, tooShort?: string) =>
  z.string().overwrite(stripUnsafeCharacters).trim().min(min, tooShort).max(max);

/** The unsafe characters in every string of a JSON value (a request body before or after parsing). */
export function unsafeCharactersIn(value: unknown): RemovedCharacters {
  const total: RemovedCharacters = { bidi: 0, control: 0, unpairedSurrogate: 0 };
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    if (typeof node === 'string') {
      const found = removedCharacters(node);
      total.bidi += found.bidi;
      total.control += found.control;
      total.unpairedSurrogate += found.unpairedSurrogate;
    } else if (Array.isArray(node)) node.forEach((item) => visit(item, depth + 1));
    else if (node && typeof node === 'object') Object.values(node).forEach((item) => visit(item, depth + 1));
  };
  visit(value, 0);
  return total;
}

/** What parsing removed, from the counts before and after: "removed 2 bidi control characters from free text". */
export function describeRemovedCharacters(
  before: RemovedCharacters,
  after: RemovedCharacters,
): string | undefined {
  const parts = (
    [
      ['bidi control', before.bidi - after.bidi],
      ['control', before.control - after.control],
      ['unpaired surrogate', before.unpairedSurrogate - after.unpairedSurrogate],
    ] as const
  )
    .filter(([, removed]) => removed > 0)
    .map(([kind, removed]) => `${removed} ${kind} character${removed === 1 ? '' : 's'}`);
  return parts.length === 0 ? undefined : `removed ${parts.join(', ')} from free text`;
}
