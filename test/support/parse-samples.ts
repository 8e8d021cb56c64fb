/** Parses samples with domain/'s schemas; imported by a fixture workflow too, so no Node or test-only imports here. */
import * as domain from '../../domain';

/** The domain schemas the sample generator feeds, by export name: regex, url, email and datetime checks among them. */
export const SAMPLED_SCHEMAS = [
  'Detection',
  'ReporterContact',
  'RequestId',
  'Sha256Hex',
  'TakedownRequest',
  'AssignVerifierInput',
  'SubmitVerdictInput',
  'RecordPoliceReportInput',
  'ResolveObjectionInput',
  'AddNoteInput',
] as const;
export type SampledSchema = (typeof SAMPLED_SCHEMAS)[number];

export interface ParseSample {
  schema: SampledSchema;
  input: unknown;
}

export interface SampleOutcome {
  success: boolean;
  /** The output when accepted; each issue's code, path and message when refused. */
  result: unknown;
}

interface Parseable {
  safeParse(input: unknown): {
    success: boolean;
    data?: unknown;
    error?: { issues: { code: string; path: PropertyKey[]; message: string }[] };
  };
}

export function parseSamples(samples: ParseSample[]): SampleOutcome[] {
  return samples.map(({ schema, input }) => {
    const parsed = (domain[schema] as unknown as Parseable).safeParse(input);
    return parsed.success
      ? { success: true, result: parsed.data }
      : {
          success: false,
          result: parsed.error!.issues.map((issue) => ({
            code: issue.code,
            path: issue.path.map(String),
            message: issue.message,
          })),
        };
  });
}
