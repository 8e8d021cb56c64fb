// Lint fixture: must be rejected. Workflows import activities type-only and call them via proxyActivities.
import { createActivities } from '../../../activities';

export async function badWorkflow(): Promise<unknown> {
  return createActivities;
}
