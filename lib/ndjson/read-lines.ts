/**
 * One line of an NDJSON stream: its 1-based number, the stream offset just past its newline, and its
 * text, or the fact that it was too long to keep.
 */
export type NdjsonLine = { lineNumber: number; endByte: number } & (
  { text: string; tooLong?: false } | { tooLong: true; bytes: number }
);

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines without holding more than `maxLineBytes` of any one line: a longer
 * line is skipped up to its newline and reported as too long, so one huge line cannot exhaust memory.
 * Blank lines (after trimming a trailing \r) are skipped but still counted.
 */
export async function* readNdjsonLines(
  source: AsyncIterable<Buffer | string>,
  maxLineBytes: number,
): AsyncGenerator<NdjsonLine> {
  let parts: Buffer[] = [];
  let kept = 0;
  let lineBytes = 0;
  let lineNumber = 0;
  let consumed = 0;

  function* finish(): Generator<NdjsonLine> {
    lineNumber += 1;
    if (lineBytes > maxLineBytes) {
      yield { lineNumber, endByte: consumed, tooLong: true, bytes: lineBytes };
    } else {
      const text = Buffer.concat(parts, kept).toString('utf8').replace(/\r$/, '');
      if (text.trim().length > 0) yield { lineNumber, endByte: consumed, text };
    }
    parts = [];
    kept = 0;
    lineBytes = 0;
  }

  const keep = (piece: Buffer) => {
    lineBytes += piece.length;
    if (lineBytes > maxLineBytes) {
      parts = [];
      kept = 0;
    } else {
      parts.push(piece);
      kept += piece.length;
    }
  };

  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let at = buffer.indexOf(NEWLINE); at !== -1; at = buffer.indexOf(NEWLINE, start)) {
      keep(buffer.subarray(start, at));
      consumed += at + 1 - start;
      yield* finish();
      start = at + 1;
    }
    // Copy the tail: the chunk's buffer may be reused by the stream.
    if (start < buffer.length) {
      keep(Buffer.from(buffer.subarray(start)));
      consumed += buffer.length - start;
    }
  }
  if (lineBytes > 0) yield* finish();
}
