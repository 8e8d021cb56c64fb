/** The bare baseline's activities: no work at all; the second one counts how many cases got through intake. */
export const bareIntakeCount = { done: 0 };

export async function bareClassify(): Promise<void> {}

export async function bareSnapshot(): Promise<void> {
  bareIntakeCount.done += 1;
}
