/** The progress line of an import on stderr: a bar (when the size is known), bytes and lines per second, ETA. */
export interface ProgressFigures {
  bytesDone: number;
  /** Bytes of the whole input; undefined for stdin. */
  bytesTotal: number | undefined;
  linesDone: number;
  accepted: number;
  rejected: number;
  /** Bytes and lines already done when this run started (a resumed import), so rates count this run only. */
  startBytes: number;
  startLines: number;
  elapsedMs: number;
}

const BAR_WIDTH = 24;

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${Math.round(bytes)} B`;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export function progressLine(f: ProgressFigures): string {
  const seconds = Math.max(f.elapsedMs / 1000, 0.001);
  const bytesPerSecond = (f.bytesDone - f.startBytes) / seconds;
  const linesPerSecond = (f.linesDone - f.startLines) / seconds;
  const parts: string[] = [];
  if (f.bytesTotal !== undefined && f.bytesTotal > 0) {
    const fraction = Math.min(1, f.bytesDone / f.bytesTotal);
    const filled = Math.round(fraction * BAR_WIDTH);
    parts.push(`[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${(fraction * 100).toFixed(1)}%`);
    parts.push(`${size(f.bytesDone)}/${size(f.bytesTotal)}`);
  } else {
    parts.push(size(f.bytesDone));
  }
  parts.push(`${size(bytesPerSecond)}/s`);
  parts.push(`${f.linesDone} lines, ${linesPerSecond.toFixed(0)} lines/s`);
  parts.push(`${f.accepted} accepted, ${f.rejected} rejected`);
  const eta =
    f.bytesTotal !== undefined && bytesPerSecond > 0
      ? duration((f.bytesTotal - f.bytesDone) / bytesPerSecond)
      : '?';
  parts.push(`ETA ${eta}`);
  return parts.join('  ');
}

/** Redraws in place on a terminal; elsewhere (a log file) one line at most every `everyMs`. */
export function progressPrinter(
  stream: NodeJS.WriteStream,
  everyMs = 2000,
): { update(line: string, force?: boolean): void; done(): void } {
  let lastAt = 0;
  let drawn = false;
  return {
    update(line, force = false) {
      const now = Date.now();
      if (stream.isTTY) {
        if (!force && now - lastAt < 100) return;
        stream.write(`\r\x1b[2K${line}`);
        drawn = true;
      } else {
        if (!force && now - lastAt < everyMs) return;
        stream.write(`${line}\n`);
      }
      lastAt = now;
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}
