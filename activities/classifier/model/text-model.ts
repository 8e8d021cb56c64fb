import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Label, LABELS } from '../training/dataset-schema';
import { FEATURE_BUCKETS } from './features';
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
}

const SerializedModel = z.object({
  version: z.string().regex(/^lr-[0-9a-f]{12}$/),
  labels: z.array(Label).min(2),
  temperature: z.number().positive(),
  buckets: z.literal(FEATURE_BUCKETS),
  rulePrecision: z.partialRecord(Label, z.number().min(0).max(1)),
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

export function serializeModel(model: TextModel): string {
  return JSON.stringify({
    version: model.version,
    labels: model.labels,
    temperature: model.temperature,
    buckets: FEATURE_BUCKETS,
    rulePrecision: model.rulePrecision,
    weights: Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength).toString(
      'base64',
    ),
    trainedOn: model.trainedOn,
  });
}

/** Parses a stored model and checks that its bytes still match its version. */
export function parseModel(json: string): TextModel {
  const parsed = SerializedModel.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`Not a classifier model file: ${z.prettifyError(parsed.error)}`);
  const bytes = Buffer.from(parsed.data.weights, 'base64');
  const weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
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
