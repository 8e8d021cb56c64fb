import fs from 'node:fs';

/** The bare worker's latest "bare intake <n>" line in its log (0 before the first): cases past both activities. */
export function lastBareIntakeCount(logFile: string): number {
  const lines = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const match = /^bare intake (\d+)$/.exec(lines[i]!);
    if (match) return Number(match[1]);
  }
  return 0;
}
