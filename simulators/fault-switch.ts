import { z } from 'zod';
import type { Route } from './http-kit';

/** POST /_faults body: answer `status` to every request (but /_ ones) for `forMs`; forMs 0 ends the fault. */
export const FaultRequest = z.strictObject({
  status: z.number().int().min(500).max(599).default(500),
  forMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3_600_000),
});

/**
 * A simulator's outage, switched on from outside (`npm run chaos`): while on, the simulator answers every
 * request with the chosen 5xx (the SMTP sink with 421) and acts on nothing, as a platform that is down.
 */
export class FaultSwitch {
  private until = 0;
  private status = 500;

  active(now = Date.now()): boolean {
    return now < this.until;
  }

  statusCode(): number {
    return this.status;
  }

  route(): Route {
    return {
      method: 'POST',
      path: /^\/_faults$/,
      handle: (request) => {
        const parsed = FaultRequest.safeParse(request.json);
        if (!parsed.success) return { status: 422, body: { error: z.prettifyError(parsed.error) } };
        this.status = parsed.data.status;
        this.until = Date.now() + parsed.data.forMs;
        return { status: 200, body: { status: this.status, until: new Date(this.until).toISOString() } };
      },
    };
  }
}
