import { Context } from '@temporalio/activity';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { z } from 'zod';
import { METRIC } from '../../config/metrics';
import { emfLine } from './emf';

/** The breach notification a case's SLA watch sends once per breached deadline (workflows/sla.ts). */
const BreachNotification = z.object({ caseId: z.string(), kind: z.literal('sla_breach') }).loose();

/**
 * One SlaBreached sample (value 1) the moment a deadline is breached: the worker sees the breach as the first
 * attempt of the case's `sla_breach` notification, and writes the sample before running it, so a failing or
 * retried notification still counts the breach exactly once. The alarm sums these per period, so every breach
 * alarms, not only the first one of a level that stays high.
 */
export function slaBreachEventInterceptor(
  metricsNamespace: string,
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): ActivityInterceptorsFactory {
  return () => ({
    inbound: {
      execute: async (input, next) => {
        const info = Context.current().info;
        if (info.activityType === 'notify' && info.attempt === 1) {
          const breach = BreachNotification.safeParse(input.args[0]);
          if (breach.success) {
            write(emfLine(metricsNamespace, {}, [{ name: METRIC.slaBreached, value: 1, unit: 'Count' }]));
          }
        }
        return next(input);
      },
    },
  });
}
