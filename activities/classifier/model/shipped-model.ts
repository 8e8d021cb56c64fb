import fs from 'node:fs';
import path from 'node:path';
import { parseModel, type TextModel } from './text-model';

/** The model committed with the code (written by `npm run classifier:eval`), so intake has one from the start. */
export const SHIPPED_MODEL_PATH = path.resolve(__dirname, '../../../data/classifier/model.json');

let shipped: TextModel | undefined;

/**
 * The committed model, read and verified (its bytes must match its version) once per process. A missing
 * or damaged file is an error that names the fix: intake must not silently fall back to rules alone.
 */
export function shippedModel(file = SHIPPED_MODEL_PATH): TextModel {
  if (shipped && file === SHIPPED_MODEL_PATH) return shipped;
  let json: string;
  try {
    json = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `The classifier model ${file} is missing (${String(error)}): restore it from git or run npm run classifier:eval`,
    );
  }
  const model = parseModel(json);
  if (file === SHIPPED_MODEL_PATH) shipped = model;
  return model;
}
