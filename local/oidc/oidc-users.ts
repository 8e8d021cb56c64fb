import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { OfficerId, Role } from '../../domain/roles';

/**
 * The local provider's users: officer id (the sign-in name and the token's `username`), display name,
 * groups (the Cognito groups: one role each) and password. Written by `npm start` or a test, 0600.
 */
export const OidcUser = z.strictObject({
  username: OfficerId,
  name: z.string().trim().min(1).max(120),
  /** One role for a working officer; tests also sign in users with none or two to see them refused. */
  groups: z.array(Role).max(3),
  password: z.string().min(12).max(200),
});
export type OidcUser = z.infer<typeof OidcUser>;

export const OidcUsersFile = z.strictObject({ users: z.array(OidcUser).min(1) });

export function readOidcUsers(file: string): OidcUser[] {
  const parsed = OidcUsersFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `OIDC users file ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data.users;
}

export function writeOidcUsers(file: string, users: OidcUser[]): void {
  fs.writeFileSync(file, JSON.stringify({ users }, null, 2) + '\n', { mode: 0o600 });
}

/** A random password: 18 bytes, URL-safe, easy to paste. */
export function newPassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}

/** Constant-time password check. */
export function passwordMatches(user: OidcUser, attempt: string): boolean {
  const a = crypto.createHash('sha256').update(user.password).digest();
  const b = crypto.createHash('sha256').update(attempt).digest();
  return crypto.timingSafeEqual(a, b);
}
