import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

export const MachineSecrets = z.strictObject({
  crawler: z.string().min(32),
  partner: z.string().min(32),
});
export type MachineSecrets = z.infer<typeof MachineSecrets>;

/** Client secrets of the crawler and partner machine clients: created once (0600), then kept. */
export function ensureMachineSecrets(file: string): MachineSecrets {
  if (!fs.existsSync(file)) {
    const secret = () => crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(file, JSON.stringify({ crawler: secret(), partner: secret() }, null, 2) + '\n', {
      mode: 0o600,
    });
  }
  const parsed = MachineSecrets.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`Machine client secrets ${file} are invalid; delete the file to renew them.`);
  return parsed.data;
}
