/**
 * The README's classifier table is the "Targets on the test split" table of docs/classifier-report.md,
 * copied between two markers by `npm run classifier:eval`; test/unit/classifier/readme-targets.test.ts
 * fails when the two disagree, so the README never shows figures the code does not produce.
 */
export const README_TARGETS_START =
  '<!-- classifier-targets: copied from docs/classifier-report.md by npm run classifier:eval -->';
export const README_TARGETS_END = '<!-- /classifier-targets -->';

const TARGETS_HEADING = '## Targets on the test split';

/** The markdown table under the report's targets heading. */
export function reportTargetsTable(report: string): string {
  const from = report.indexOf(TARGETS_HEADING);
  if (from < 0) throw new Error(`the classifier report has no "${TARGETS_HEADING}" section`);
  const lines = report.slice(from + TARGETS_HEADING.length).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const table = lines.slice(first);
  const end = table.findIndex((line) => !line.startsWith('|'));
  return (end < 0 ? table : table.slice(0, end)).join('\n');
}

function markedRange(readme: string): { start: number; end: number } {
  const start = readme.indexOf(README_TARGETS_START);
  const end = readme.indexOf(README_TARGETS_END);
  if (start < 0 || end < start)
    throw new Error(
      `README.md lacks the classifier table markers; put "${README_TARGETS_START}" and "${README_TARGETS_END}" where the table goes`,
    );
  return { start: start + README_TARGETS_START.length, end };
}

/** What the README shows between the markers. */
export function readmeTargetsSection(readme: string): string {
  const { start, end } = markedRange(readme);
  return readme.slice(start, end).trim();
}

/** The README with `table` between the markers (formatting is left to prettier). */
export function withReadmeTargets(readme: string, table: string): string {
  const { start, end } = markedRange(readme);
  return `${readme.slice(0, start)}\n\n${table}\n\n${readme.slice(end)}`;
}

/** A table's cells, row by row, without the separator row and without column padding. */
export function tableCells(table: string): string[][] {
  return table
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s:|-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}
