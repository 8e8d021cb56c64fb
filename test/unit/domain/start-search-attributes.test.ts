import { loadDefaultPolicy } from '../../../policy';
import { startSearchAttributes, type Region } from '../../../domain';
import { caseSearchAttributes } from '../../../workflows/case/search-attributes';
import { initialState } from '../../../workflows/case/state';

const byName = (pairs: { key: { name: string }; value: unknown }[]) =>
  Object.fromEntries(pairs.filter((pair) => pair.value !== null).map((pair) => [pair.key.name, pair.value]));

/**
 * The attributes the case client sets with a case's start must be the ones the case computes after its
 * first detection signal, or every new case would upsert the difference in its first workflow task.
 */
describe('search attributes set with the start', () => {
  const table: [{ region: Region; platform?: 'tiktok' | 'website' }, number][] = [
    [{ region: 'banjarmasin', platform: 'tiktok' }, 1],
    [{ region: 'unknown' }, 1],
    [{ region: 'hulu_sungai_selatan', platform: 'website' }, 7],
  ];
  it.each(table)('equal the case after its first signal: %j, %d detections', (first, count) => {
    const state = initialState({ caseId: 'case-x', generation: 1, policy: loadDefaultPolicy() });
    state.region = first.region;
    if (first.platform) state.subject = { platform: first.platform };
    state.detections.count = count;
    expect(byName(startSearchAttributes(first, count))).toEqual(byName(caseSearchAttributes(state)));
  });
});
