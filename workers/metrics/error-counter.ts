import type { ActivityInterceptorsFactory } from '@temporalio/worker';

/** Counts activity attempts that failed, for the WorkerErrors metric; read-and-reset per sample. */
export class ActivityErrorCounter {
  private failures = 0;

  readonly interceptor: ActivityInterceptorsFactory = () => ({
    inbound: {
      execute: async (input, next) => {
        try {
          return await next(input);
        } catch (error) {
          this.failures += 1;
          throw error;
        }
      },
    },
  });

  takeCount(): number {
    const count = this.failures;
    this.failures = 0;
    return count;
  }
}
