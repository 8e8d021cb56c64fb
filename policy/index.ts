import fs from 'node:fs';
import { CasePolicy } from '../domain/policy';
import defaultPolicyJson from './default-policy.json';

/**
 * Loading policies (client and API side). Workflows never read files: the parsed policy object is
 * passed in the case's input and kept in its state.
 */
export function loadDefaultPolicy(): CasePolicy {
  return CasePolicy.parse(defaultPolicyJson);
}

/** Reads and validates a policy file; the error names every invalid field. */
export function loadPolicyFile(path: string): CasePolicy {
  const raw: unknown = JSON.parse(fs.readFileSync(path, 'utf8'));
  const parsed = CasePolicy.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new Error(`invalid case policy ${path}: ${issues}`);
  }
  return parsed.data;
}

export { CasePolicy };
