/**
 * Query answers of closed case runs, asked once and kept.
 *
 * A closed run never changes (case ids are never reused: WorkflowIdReusePolicy REJECT_DUPLICATE), yet
 * each query of it makes a worker fetch and replay its whole history. Auditors read closed cases, and
 * the console asks for state, actions and timeline at once: measured on the dev server, such a round
 * took 0.6-1.6 s, and 1 round in 15 waited 30 s and answered 500 (the worker evicted the replayed run
 * with the other queries still buffered: "leftover buffered tasks when evicting run").
 * Here the queries of one closed run go to the worker one at a time, each at most once; the answers
 * are kept for the most recently read runs. A failed query is not kept: the next read asks again.
 */
export class ClosedCaseAnswers {
  private readonly answers = new Map<string, Promise<unknown>>();
  /** The last query asked of each closed run: the next one waits for it. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly maxAnswers = 300) {}

  answer<T>(runId: string, queryName: string, ask: () => Promise<T>): Promise<T> {
    const key = `${runId}\u0000${queryName}`;
    const kept = this.answers.get(key);
    if (kept) {
      // Most recently read last, so the oldest is dropped first.
      this.answers.delete(key);
      this.answers.set(key, kept);
      return kept as Promise<T>;
    }
    const before = this.inFlight.get(runId) ?? Promise.resolve();
    const asked = before.then(ask, ask);
    this.inFlight.set(runId, asked);
    this.answers.set(key, asked);
    this.dropOldest();
    asked.then(
      () => this.forgetInFlight(runId, asked),
      () => {
        this.forgetInFlight(runId, asked);
        if (this.answers.get(key) === asked) this.answers.delete(key);
      },
    );
    return asked;
  }

  get size(): number {
    return this.answers.size;
  }

  private forgetInFlight(runId: string, asked: Promise<unknown>): void {
    if (this.inFlight.get(runId) === asked) this.inFlight.delete(runId);
  }

  private dropOldest(): void {
    while (this.answers.size > this.maxAnswers) {
      const oldest = this.answers.keys().next().value as string;
      this.answers.delete(oldest);
    }
  }
}
