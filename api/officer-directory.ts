import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { OfficerId, Role, type Actor } from '../domain/roles';
import { sha256Hex } from '../lib/sha256';

/**
 * Officers known to the local API, each with one role and the SHA-256 of a bearer token (the token
 * itself is never stored). In the cloud, Cognito groups play this part.
 */
export const OfficerEntry = z.object({
  officerId: OfficerId,
  name: z.string().trim().min(1).max(120),
  role: Role,
  tokenSha256: z.string().regex(/^[a-f0-9]{64}$/),
});
export type OfficerEntry = z.infer<typeof OfficerEntry>;

export const OfficerDirectoryFile = z.object({ officers: z.array(OfficerEntry).min(1) });

export interface OfficerDirectory {
  authenticate(token: string): (Actor & { name: string }) | undefined;
  list(): { officerId: string; name: string; role: Role }[];
}

export function createOfficerDirectory(entries: OfficerEntry[]): OfficerDirectory {
  const byHash = new Map(entries.map((entry) => [entry.tokenSha256, entry]));
  return {
    authenticate(token) {
      const digest = sha256Hex(token);
      const entry = byHash.get(digest);
      // The map lookup is on a digest, so its timing reveals nothing about the token itself.
      if (!entry) return undefined;
      return { officerId: entry.officerId, role: entry.role, name: entry.name };
    },
    list: () => entries.map(({ officerId, name, role }) => ({ officerId, name, role })),
  };
}

export function loadOfficerDirectory(file: string): OfficerDirectory {
  const parsed = OfficerDirectoryFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `Officer directory ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return createOfficerDirectory(parsed.data.officers);
}

/** A fresh random bearer token: 32 bytes, URL-safe. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}
