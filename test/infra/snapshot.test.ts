import { CONCERNS, SELECTIONS, useSynthesis } from '../support/infra/synth';

/**
 * Whole templates, so every change to the estate shows up in review. Asset hashes (the worker/API image is
 * hashed over the whole repository) are normalized: unrelated source changes must not churn these snapshots.
 */
const ASSET_HASH = /[0-9a-f]{64}/g;

function normalized(template: unknown): unknown {
  return JSON.parse(JSON.stringify(template).replace(ASSET_HASH, '<asset-hash>')) as unknown;
}

describe.each([
  ['dev, self-hosted Temporal', useSynthesis(SELECTIONS.devSelfHosted)],
  ['prod, Temporal Cloud', useSynthesis(SELECTIONS.prodCloud)],
])('%s', (_label, synth) => {
  it.each(CONCERNS)('%s stack matches its snapshot', (concern) => {
    expect(normalized(synth().json(concern))).toMatchSnapshot();
  });
});
