/** Numbered, timed steps: each prints when it starts and how long it took, and a failure names its step. */
export interface StepRecord {
  readonly name: string;
  readonly seconds: number;
  readonly ok: boolean;
}

export class StepClock {
  readonly records: StepRecord[] = [];
  private readonly started = Date.now();

  constructor(private readonly log: (line: string) => void = console.log) {}

  async run<T>(name: string, body: () => Promise<T>): Promise<T> {
    const index = this.records.length + 1;
    this.log(`[${index}] ${name}...`);
    const started = Date.now();
    try {
      const result = await body();
      this.record(name, started, true);
      this.log(`[${index}] ${name}: ok (${seconds(started)}s)`);
      return result;
    } catch (error) {
      this.record(name, started, false);
      throw new StepFailed(name, error);
    }
  }

  totalSeconds(): number {
    return Number(seconds(this.started));
  }

  private record(name: string, started: number, ok: boolean): void {
    this.records.push({ name, seconds: Number(seconds(started)), ok });
  }
}

export class StepFailed extends Error {
  override readonly name = 'StepFailed';
  constructor(
    readonly step: string,
    override readonly cause: unknown,
  ) {
    super(`step "${step}" failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
