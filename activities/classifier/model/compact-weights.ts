import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { FEATURE_BUCKETS } from './features';
import type { Weights } from './logistic-regression';

/**
 * A small, lossy encoding of the weights so the trained model can be committed and shipped with the
 * worker: per class, weights are rounded to int8 steps of a power-of-two scale (exact in float32, so
 * encoding an already-quantized model again gives the same bytes and the same version), weights that
 * round to fewer than `minSteps` steps are dropped, and the rest are stored sparsely (varint gaps between
 * bucket indices, then the int8 values) and brotli-compressed.
 */
export interface CompactOptions {
  /** Weights smaller than this many quantization steps are pruned to zero. */
  minSteps: number;
}

function scaleOf(weights: Weights, offset: number): number {
  let max = 0;
  for (let f = 0; f < FEATURE_BUCKETS; f++) max = Math.max(max, Math.abs(weights[offset + f]!));
  return max === 0 ? 1 : 2 ** Math.ceil(Math.log2(max / 127));
}

/** The weights as the compact encoding will restore them: quantized and pruned. */
export function quantizeWeights(weights: Weights, classes: number, options: CompactOptions): Weights {
  return decodeWeights(encodeWeights(weights, classes, options), classes);
}

export function encodeWeights(weights: Weights, classes: number, options: CompactOptions): Buffer {
  const parts: number[] = [];
  const scales = new Float32Array(classes);
  for (let c = 0; c < classes; c++) {
    const offset = c * FEATURE_BUCKETS;
    const scale = scaleOf(weights, offset);
    scales[c] = scale;
    const kept: { index: number; step: number }[] = [];
    for (let f = 0; f < FEATURE_BUCKETS; f++) {
      const step = Math.max(-127, Math.min(127, Math.round(weights[offset + f]! / scale)));
      if (step !== 0 && Math.abs(step) >= options.minSteps) kept.push({ index: f, step });
    }
    pushVarint(parts, kept.length);
    let previous = 0;
    for (const { index } of kept) {
      pushVarint(parts, index - previous);
      previous = index;
    }
    for (const { step } of kept) parts.push(step & 0xff);
  }
  const body = Buffer.concat([Buffer.from(scales.buffer), Buffer.from(parts)]);
  return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
}

export function decodeWeights(encoded: Buffer, classes: number): Weights {
  const body = brotliDecompressSync(encoded);
  const scales = new Float32Array(body.buffer.slice(body.byteOffset, body.byteOffset + classes * 4));
  const weights = new Float32Array(classes * FEATURE_BUCKETS);
  let at = classes * 4;
  const readVarint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= body.length) throw new Error('Compact classifier weights are truncated');
      const byte = body[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  for (let c = 0; c < classes; c++) {
    const count = readVarint();
    const indices: number[] = [];
    let index = 0;
    for (let i = 0; i < count; i++) {
      index += readVarint();
      if (index >= FEATURE_BUCKETS) throw new Error('Compact classifier weights: bucket out of range');
      indices.push(index);
    }
    for (const bucket of indices) {
      if (at >= body.length) throw new Error('Compact classifier weights are truncated');
      const step = (body[at++]! << 24) >> 24;
      weights[c * FEATURE_BUCKETS + bucket] = step * scales[c]!;
    }
  }
  if (at !== body.length) throw new Error('Compact classifier weights have trailing bytes');
  return weights;
}

function pushVarint(parts: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    parts.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  parts.push(rest);
}
