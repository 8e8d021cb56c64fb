import { readNdjsonLines, type NdjsonLine } from '../../../lib/ndjson/read-lines';

async function linesOf(chunks: string[], maxLineBytes = 1024): Promise<NdjsonLine[]> {
  async function* source() {
    for (const chunk of chunks) yield Buffer.from(chunk);
  }
  const lines: NdjsonLine[] = [];
  for await (const line of readNdjsonLines(source(), maxLineBytes)) lines.push(line);
  return lines;
}

describe('readNdjsonLines', () => {
  it('joins lines split across chunks, numbers them, skips blank ones and gives each end offset', async () => {
    const lines = await linesOf(['{"a":', '1}\n\r\n{"b"', ':2}\r\n', '{"c":3}']);
    expect(lines).toEqual([
      { lineNumber: 1, endByte: 8, text: '{"a":1}' },
      { lineNumber: 3, endByte: 19, text: '{"b":2}' },
      { lineNumber: 4, endByte: 26, text: '{"c":3}' },
    ]);
  });

  it('reports a line over the limit without keeping it, and goes on with the next', async () => {
    const lines = await linesOf(['x'.repeat(30), 'y'.repeat(30), '\nok\n'], 40);
    expect(lines).toEqual([
      { lineNumber: 1, endByte: 61, tooLong: true, bytes: 60 },
      { lineNumber: 2, endByte: 64, text: 'ok' },
    ]);
  });

  it('counts multi-byte characters in bytes, split anywhere', async () => {
    const text = '{"t":"pinjol ✓ ü"}';
    const bytes = Buffer.from(`${text}\n`);
    async function* source() {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
    }
    const lines: NdjsonLine[] = [];
    for await (const line of readNdjsonLines(source(), 1024)) lines.push(line);
    expect(lines).toEqual([{ lineNumber: 1, endByte: bytes.length, text }]);
  });
});
