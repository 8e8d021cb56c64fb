import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const StoredTokens = z.object({
  apiUrl: z.string(),
  tokenEndpoint: z.string(),
  revocationEndpoint: z.string().optional(),
  clientId: z.string(),
  accessToken: z.string(),
  refreshToken: z.string().optional(),
  /** Epoch milliseconds. */
  expiresAt: z.number(),
});
export type StoredTokens = z.infer<typeof StoredTokens>;

/** $XDG_CONFIG_HOME/saring/tokens.json (else ~/.config/saring/tokens.json): readable by you only. */
export function tokenFile(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
  return path.join(base, 'saring', 'tokens.json');
}

export function readTokens(env: NodeJS.ProcessEnv): StoredTokens | undefined {
  const file = tokenFile(env);
  if (!fs.existsSync(file)) return undefined;
  const parsed = StoredTokens.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file} is not a saring token file: run \`saring logout\`, then \`saring login\`.`);
  return parsed.data;
}

export function writeTokens(env: NodeJS.ProcessEnv, tokens: StoredTokens): string {
  const file = tokenFile(env);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written to a fresh 0600 file, then renamed, so the tokens are never readable by others, even briefly.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(tokens, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(temp, file);
  return file;
}

export function deleteTokens(env: NodeJS.ProcessEnv): boolean {
  const file = tokenFile(env);
  if (!fs.existsSync(file)) return false;
  fs.rmSync(file);
  return true;
}
