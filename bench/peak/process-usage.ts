import fs from 'node:fs';

/** Resident memory and CPU time of a process group (a service and what it spawned, e.g. tsx and node). */
export interface GroupUsage {
  rssBytes: number;
  cpuSeconds: number;
}

const TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;

/** Sums /proc over every process whose process group is `pgid` (Linux only). */
export function groupUsage(pgid: number): GroupUsage {
  let rssBytes = 0;
  let cpuTicks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // Gone since the listing.
    }
    // Fields after "(comm)": state ppid pgrp ... utime(14) stime(15) ... rss(24), numbered from 1.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    cpuTicks += Number(fields[11]) + Number(fields[12]);
    rssBytes += Number(fields[21]) * PAGE_BYTES;
  }
  return { rssBytes, cpuSeconds: cpuTicks / TICKS_PER_SECOND };
}

export interface UsageSample {
  atMs: number;
  rssBytes: number;
  /** Cores used since the previous sample (1.0 = one whole core). */
  cores: number;
}

/** Samples a group every `everyMs`; `pgid` is asked again at each sample (a restarted service has a new one). */
export class UsageSampler {
  readonly samples: UsageSample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private last: { atMs: number; cpuSeconds: number; pgid: number } | undefined;

  constructor(
    private readonly pgid: () => number,
    private readonly everyMs = 1000,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    const pgid = this.pgid();
    const usage = groupUsage(pgid);
    const atMs = Date.now();
    const cores =
      this.last && this.last.pgid === pgid && atMs > this.last.atMs
        ? Math.max(0, (usage.cpuSeconds - this.last.cpuSeconds) / ((atMs - this.last.atMs) / 1000))
        : 0;
    this.last = { atMs, cpuSeconds: usage.cpuSeconds, pgid };
    this.samples.push({ atMs, rssBytes: usage.rssBytes, cores });
  }

  /** Peak RSS and CPU over the samples taken between `fromMs` and `toMs` (all when omitted). */
  summary(fromMs = 0, toMs = Infinity): { peakRssMiB: number; meanCores: number; peakCores: number } {
    const window = this.samples.filter((s) => s.atMs >= fromMs && s.atMs <= toMs);
    const rss = window.map((s) => s.rssBytes);
    const cores = window.map((s) => s.cores);
    return {
      peakRssMiB: Math.max(0, ...rss) / 1024 / 1024,
      meanCores: cores.length ? cores.reduce((a, b) => a + b, 0) / cores.length : 0,
      peakCores: Math.max(0, ...cores),
    };
  }
}
