import { z } from 'zod';

/** An error with an HTTP status and a stable machine code; the message tells the caller what to do. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** One problem with what the caller sent: the field's dotted path and what is wrong with it. */
export const InputIssue = z.object({ path: z.string(), message: z.string() });
export type InputIssue = z.infer<typeof InputIssue>;

/** The body of every error answer (api/error-handler.ts sends it). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z
        .string()
        .meta({ description: 'Stable machine code, e.g. invalid_input, FORBIDDEN_ROLE, case_closed' }),
      message: z.string().meta({ description: 'What went wrong and what to do, for the person calling' }),
      details: z
        .array(InputIssue)
        .optional()
        .meta({ description: 'For invalid_input: every problem by field' }),
    }),
  })
  .meta({ id: 'Error' });

/** A 400 listing every problem by field; the request changed nothing. */
export function invalidInput(what: string, issues: InputIssue[]): HttpError {
  return new HttpError(
    400,
    'invalid_input',
    `Invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}. Fix these fields and send again; nothing was changed.`,
    issues,
  );
}

/** Parses with zod inside a handler (values the API builds from input); on failure the same 400. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw invalidInput(
      what,
      parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || '(body)',
        message: i.message,
      })),
    );
  }
  return parsed.data;
}
