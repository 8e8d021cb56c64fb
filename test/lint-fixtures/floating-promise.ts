// Lint fixture: must be rejected. A promise nobody awaits loses its errors.
async function saveEvidence(): Promise<void> {
  await Promise.resolve();
}

export function handler(): void {
  saveEvidence();
}
