import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Label, LABELS } from '../training/dataset-schema';
import { decodeWeights, encodeWeights } from './compact-weights';
import { FEATURE_BUCKETS, type FeatureOptions } from './features';
import type { Weights } from './logistic-regression';

/** A trained model: hashed-feature logistic regression weights plus the calibration temperature. */
export interface TextModel {
  /** "lr-" + the first 12 hex digits of SHA-256 over labels, temperature and weights: same bytes, same version. */
  version: string;
  labels: readonly Label[];
  temperature: number;
  weights: Weights;
  /** Per category: how often a rule-only decision for it was right on the calibration split (smoothed). */
  rulePrecision: Partial<Record<Label, number>>;
  trainedOn: { items: number; sha256: string };
  /** Set only on variants trained for comparison (never serialized); absent means FEATURE_OPTIONS. */
  features?: FeatureOptions;
}

const SerializedModel = z.object({
  version: z.string().regex(/^lr-[0-9a-f]{12}$/),
  labels: z.array(Label).min(2),
  temperature: z.number().positive(),
  buckets: z.literal(FEATURE_BUCKETS),
  rulePrecision: z.partialRecord(Label, z.number().min(0).max(1)),
  /** f32: raw little-endian floats (older files); int8-sparse: see compact-weights.ts. */
  encoding: z.enum(['f32', 'int8-sparse']).default('f32'),
  weights: z.base64(),
  trainedOn: z.object({ items: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});

export function modelVersion(
  labels: readonly Label[],
  temperature: number,
  rulePrecision: TextModel['rulePrecision'],
  weights: Weights,
): string {
  const hash = createHash('sha256')
    .update(JSON.stringify({ labels, temperature, rulePrecision }))
    .update(Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength))
    .digest('hex');
  return `lr-${hash.slice(0, 12)}`;
}

/**
 * The model as JSON. Weights already on the compact grid (every model trainModel makes) are written in the
 * compact encoding (~150 KB instead of 3.8 MB); any other weights as raw floats, so nothing is lost.
 */
export function serializeModel(model: TextModel): string {
  const compact = encodeWeights(model.weights, model.labels.length, { minSteps: 1 });
  const exact = sameWeights(decodeWeights(compact, model.labels.length), model.weights);
  return JSON.stringify({
    version: model.version,
    labels: model.labels,
    temperature: model.temperature,
    buckets: FEATURE_BUCKETS,
    rulePrecision: model.rulePrecision,
    encoding: exact ? 'int8-sparse' : 'f32',
    weights: (exact
      ? compact
      : Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength)
    ).toString('base64'),
    trainedOn: model.trainedOn,
  });
}

function sameWeights(a: Weights, b: Weights): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Parses a stored model and checks that its bytes still match its version. */
export function parseModel(json: string): TextModel {
  const parsed = SerializedModel.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`Not a classifier model file: ${z.prettifyError(parsed.error)}`);
  const bytes = Buffer.from(parsed.data.weights, 'base64');
  let weights: Weights;
  try {
    weights =
      parsed.data.encoding === 'int8-sparse'
        ? decodeWeights(bytes, parsed.data.labels.length)
        : new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  } catch (error) {
    throw new Error(`Classifier model ${parsed.data.version}: unreadable weights (${String(error)})`);
  }
  if (weights.length !== parsed.data.labels.length * FEATURE_BUCKETS)
    throw new Error(
      `Classifier model ${parsed.data.version}: weights do not match ${parsed.data.labels.length} labels`,
    );
  const version = modelVersion(
    parsed.data.labels,
    parsed.data.temperature,
    parsed.data.rulePrecision,
    weights,
  );
  if (version !== parsed.data.version)
    throw new Error(`Classifier model claims version ${parsed.data.version} but its bytes are ${version}`);
  return { ...parsed.data, weights };
}

export const MODEL_LABELS = LABELS;
