import { MAX_DETECTIONS_PER_SIGNAL } from '../domain';
import type { PreparedDetection } from './submit-detection';
import type { SubmittedDetection } from './submit-detection';

type Deliver = (prepared: readonly PreparedDetection[]) => Promise<SubmittedDetection>;

interface Waiting {
  prepared: PreparedDetection;
  resolve: (submitted: SubmittedDetection) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for detections of one case. While a signal to a case is under way, further detections
 * of that case wait and then go together as one `detections` signal (up to MAX_DETECTIONS_PER_SIGNAL).
 * A detection of a case with nothing under way goes at once, so a lone detection waits for nothing.
 *
 * Why: each signal is a history event and, while a workflow task runs, a buffered one; with more than
 * 100 buffered the server fails the running task (workflows/case/workflow-task-timeout.ts), and a
 * viral item's repeats arrive faster than that. Each caller still gets its own answer: the case its
 * detection went to, or the error of the signal that carried it (nothing is dropped silently).
 */
export class DetectionCoalescer {
  private readonly lanes = new Map<string, Waiting[]>();

  constructor(private readonly deliver: Deliver) {}

  submit(prepared: PreparedDetection): Promise<SubmittedDetection> {
    return new Promise((resolve, reject) => {
      const lane = this.lanes.get(prepared.baseId);
      if (lane) {
        lane.push({ prepared, resolve, reject });
        return;
      }
      // A lane with nothing under way: this detection goes at once, alone; the lane stays while it flies.
      const waiting: Waiting[] = [{ prepared, resolve, reject }];
      this.lanes.set(prepared.baseId, waiting);
      this.sendNext(prepared.baseId, waiting);
    });
  }

  /** Detections waiting for a case (tests). */
  waitingFor(baseId: string): number {
    return this.lanes.get(baseId)?.length ?? 0;
  }

  private sendNext(baseId: string, waiting: Waiting[]): void {
    if (waiting.length === 0) {
      this.lanes.delete(baseId);
      return;
    }
    const batch = waiting.splice(0, MAX_DETECTIONS_PER_SIGNAL);
    this.deliver(batch.map((item) => item.prepared))
      .then(
        (submitted) => batch.forEach((item) => item.resolve(submitted)),
        (error: unknown) => batch.forEach((item) => item.reject(error)),
      )
      .finally(() => this.sendNext(baseId, waiting))
      .catch(() => undefined);
  }
}
