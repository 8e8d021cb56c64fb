/** Workflow ids of a case's children: one per takedown attempt, one police escalation. */
export function takedownChildId(caseId: string, key: string, attempt: number): string {
  return `${caseId}:takedown:${key}:a${attempt}`;
}

export function policeChildId(caseId: string): string {
  return `${caseId}:police`;
}
