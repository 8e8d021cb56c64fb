// Lint fixture: must be rejected. Workflow code may not touch the file system (or any Node built-in).
import fs from 'node:fs';
import { createHash } from 'crypto';

export async function badWorkflow(): Promise<string> {
  return createHash('sha256').update(fs.readFileSync('/etc/hostname')).digest('hex');
}
