import { z } from 'zod';

/**
 * The `Prefer` request header (RFC 7240) on case steps: `return=minimal` answers with what the step
 * changed (CaseUpdateResult) as soon as the case has applied it, without reading the whole case back
 * (one round trip to the worker instead of two); `return=representation` (the default) answers with
 * the case state after the step. Other preferences are ignored, as the RFC asks; a `return` with another
 * value is refused.
 */
export const PreferHeader = z
  .string()
  .max(256)
  .transform((value, context) => {
    const preferences = value
      .split(',')
      .map((part) => part.split(';')[0]!.trim())
      .filter((part) => part.length > 0);
    const returns = preferences.filter((part) => /^return\s*=/i.test(part));
    if (returns.length > 1) {
      context.addIssue({ code: 'custom', message: 'at most one return preference' });
      return z.NEVER;
    }
    if (returns.length === 0) return { return: 'representation' as const };
    const wanted = returns[0]!
      .replace(/^return\s*=\s*/i, '')
      .replace(/^"|"$/g, '')
      .toLowerCase();
    if (wanted !== 'minimal' && wanted !== 'representation') {
      context.addIssue({ code: 'custom', message: 'return=minimal or return=representation' });
      return z.NEVER;
    }
    return { return: wanted };
  })
  .meta({
    description:
      'Optional (RFC 7240). `return=minimal`: the answer is what the step changed (caseId, update, revision, stage, changed), without the case state, one round trip sooner. Default: the case state after the step.',
  });
