/** A response body read up to a limit: the rest is never read. */
export interface CappedBody {
  body: Uint8Array;
  /** True when the body was longer than the limit and cut there. */
  truncated: boolean;
}

/** Reads at most maxBytes of a fetch Response's body, then cancels the stream. */
export async function readCapped(response: Response, maxBytes: number): Promise<CappedBody> {
  if (!response.body) return { body: new Uint8Array(), truncated: false };
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - size;
    if (value.byteLength > room) {
      chunks.push(value.subarray(0, room));
      size += room;
      truncated = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { body, truncated };
}

/** The body as UTF-8 text, or undefined when it is longer than maxBytes (the caller says what to do). */
export async function readCappedText(response: Response, maxBytes: number): Promise<string | undefined> {
  const { body, truncated } = await readCapped(response, maxBytes);
  return truncated ? undefined : new TextDecoder('utf-8', { fatal: false }).decode(body);
}
