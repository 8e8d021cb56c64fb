import fc from 'fast-check';
import { SAMPLED_SCHEMAS, type ParseSample } from './parse-samples';
import { edgeStrings, hostileJson, hostileString } from './fuzz/hostile-values';

const validDetection = {
  source: 'crawler',
  reportedBy: 'crawler-judi',
  url: 'https://slot-gacor.example/daftar',
  text: 'Daftar slot gacor, bonus 100%',
  observedAt: '2026-11-30T08:00:00+07:00',
  reporterRef: 'rep_abcdefgh12',
  detectionId: 'crawler:42',
  contentSha256: 'a'.repeat(64),
};

const detectionSample = fc
  .tuple(
    fc.constantFrom(...Object.keys(validDetection)),
    fc.oneof(hostileString, hostileJson, fc.webUrl(), fc.emailAddress()),
  )
  .map(([field, value]) => ({ ...validDetection, [field]: value }));

const stringOrJson = fc.oneof(hostileString, hostileJson, edgeStrings, fc.emailAddress(), fc.webUrl());

/** Valid and hostile inputs for the sampled schemas, from one seed. */
export function schemaSamples(seed: number, count: number): ParseSample[] {
  const sample: fc.Arbitrary<ParseSample> = fc.oneof(
    fc.constant<ParseSample>({ schema: 'Detection', input: validDetection }),
    detectionSample.map((input): ParseSample => ({ schema: 'Detection', input })),
    fc
      .record({ email: fc.oneof(fc.emailAddress(), hostileString), phone: fc.option(hostileString) })
      .map((input): ParseSample => ({ schema: 'ReporterContact', input })),
    fc
      .tuple(fc.constantFrom(...SAMPLED_SCHEMAS), stringOrJson)
      .map(([schema, input]): ParseSample => ({ schema, input })),
    fc
      .record({
        requestId: fc.oneof(fc.stringMatching(/^[A-Za-z0-9:._-]{8,20}$/), hostileString),
        url: fc.oneof(fc.webUrl(), hostileString),
        deadline: fc.oneof(fc.constant('2026-12-01T10:00:00Z'), hostileString),
      })
      .map((input): ParseSample => ({ schema: 'TakedownRequest', input })),
  );
  return fc.sample(sample, { seed, numRuns: count });
}
