import fs from 'node:fs';

/** Resident memory and CPU time of a process group (a service and what it spawned, e.g. tsx and node). */
export interface GroupUsage {
  rssBytes: number;
  cpuSeconds: number;
}

const TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;

/** One process's /proc/<pid>/stat, from the field after "(comm)" on, so `fields[0]` is field 3 (state). */
interface ProcStat {
  pid: number;
  fields: string[];
}

/** Every process's stat line (Linux only); a process gone since the listing is skipped. */
function procStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      stats.push({ pid: Number(entry), fields: stat.slice(stat.lastIndexOf(')') + 2).split(' ') });
    } catch {
      continue;
    }
  }
  return stats;
}

// Indexes into ProcStat.fields (field number minus 3): ppid 4, pgrp 5, utime 14, stime 15, cutime 16,
// cstime 17, rss 24.
const PPID = 1;
const PGRP = 2;
const UTIME = 11;
const STIME = 12;
const CUTIME = 13;
const CSTIME = 14;
const RSS = 21;

/** Sums /proc over every process whose process group is `pgid`. */
export function groupUsage(pgid: number): GroupUsage {
  let rssBytes = 0;
  let cpuTicks = 0;
  for (const { fields } of procStats()) {
    if (Number(fields[PGRP]) !== pgid) continue;
    cpuTicks += Number(fields[UTIME]) + Number(fields[STIME]);
    rssBytes += Number(fields[RSS]) * PAGE_BYTES;
  }
  return { rssBytes, cpuSeconds: cpuTicks / TICKS_PER_SECOND };
}

/**
 * CPU seconds of a process and all its descendants, those that exited included (their time is in their
 * parent's cutime/cstime once reaped). For services whose children leave the process group, such as
 * PostgreSQL's backends (each calls setsid).
 */
export function treeCpuSeconds(rootPid: number): number {
  const byPid = new Map<number, { ppid: number; ticks: number }>();
  for (const { pid, fields } of procStats()) {
    const ticks = [UTIME, STIME, CUTIME, CSTIME].reduce((sum, i) => sum + Number(fields[i]), 0);
    byPid.set(pid, { ppid: Number(fields[PPID]), ticks });
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid, hops = 0; at && hops < 64; hops += 1) {
      if (at === rootPid) return true;
      at = byPid.get(at)?.ppid;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, process] of byPid) if (inTree(pid)) ticks += process.ticks;
  return ticks / TICKS_PER_SECOND;
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
