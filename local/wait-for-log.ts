import fs from 'node:fs';

/** Resolves when a line matching `pattern` appears in the log file (written after `fromOffset`). */
export async function waitForLogLine(
  logFile: string,
  pattern: RegExp,
  timeoutMs: number,
  fromOffset = 0,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let text = '';
    try {
      text = fs.readFileSync(logFile, 'utf8').slice(fromOffset);
    } catch {
      // Not written yet.
    }
    const match = text.split('\n').find((line) => pattern.test(line));
    if (match) return match;
    if (Date.now() > deadline)
      throw new Error(`No line matching ${pattern} in ${logFile} within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
