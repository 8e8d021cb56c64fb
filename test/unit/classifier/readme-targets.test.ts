import fs from 'node:fs';
import path from 'node:path';
import {
  README_TARGETS_END,
  README_TARGETS_START,
  readmeTargetsSection,
  reportTargetsTable,
  tableCells,
  withReadmeTargets,
} from '../../../activities/classifier/training/readme-targets';

const ROOT = path.join(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe("README's classifier table", () => {
  const report = read('docs/classifier-report.md');

  it('is the targets table of docs/classifier-report.md (which the learned-classifier test checks against the code)', () => {
    const expected = tableCells(reportTargetsTable(report));
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(expected[0]).toEqual(['target', 'value', 'status']);
    expect(tableCells(readmeTargetsSection(read('README.md')))).toEqual(expected);
  });

  it('tells a changed figure apart, and names the markers when they are missing', () => {
    const readme = `intro\n${README_TARGETS_START}\n${README_TARGETS_END}\noutro\n`;
    const copied = withReadmeTargets(readme, reportTargetsTable(report));
    expect(tableCells(readmeTargetsSection(copied))).toEqual(tableCells(reportTargetsTable(report)));
    const edited = copied.replace(/(\| accuracy ≥ 0\.85\s*\|\s*)[0-9.]+/, '$10.99');
    expect(edited).not.toEqual(copied);
    expect(tableCells(readmeTargetsSection(edited))).not.toEqual(tableCells(reportTargetsTable(report)));
    expect(() => readmeTargetsSection('no markers here')).toThrow(/classifier-targets/);
  });
});
