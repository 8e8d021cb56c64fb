import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../domain/roles';
import { newPassword, readOidcUsers, writeOidcUsers, type OidcUser } from './oidc/oidc-users';

/** The local demo's officers: two supervisors so four-eyes approvals can be tried by hand. */
export const LOCAL_OFFICERS: { officerId: string; name: string; role: Role }[] = [
  { officerId: 'siti.verifier', name: 'Siti Rahmah', role: 'verifier' },
  { officerId: 'budi.verifier', name: 'Budi Santoso', role: 'verifier' },
  { officerId: 'rina.supervisor', name: 'Rina Kartika', role: 'supervisor' },
  { officerId: 'agus.supervisor', name: 'Agus Salim', role: 'supervisor' },
  { officerId: 'dewi.police', name: 'Dewi Lestari (Humas Polda)', role: 'police_liaison' },
  { officerId: 'hendra.pr', name: 'Hendra Wijaya', role: 'public_relations' },
  { officerId: 'maya.auditor', name: 'Maya Putri', role: 'auditor' },
  { officerId: 'eko.admin', name: 'Eko Prasetyo', role: 'admin' },
];

/**
 * The local sign-in provider's users: the demo officers, each in the group of their role, with a random
 * password made on the first start (DIR/users.json, readable by you only) and kept by later starts.
 */
export function ensureLocalOfficerUsers(oidcDir: string): { usersFile: string; users: OidcUser[] } {
  fs.mkdirSync(oidcDir, { recursive: true, mode: 0o700 });
  const usersFile = path.join(oidcDir, 'users.json');
  if (!fs.existsSync(usersFile)) {
    writeOidcUsers(
      usersFile,
      LOCAL_OFFICERS.map(({ officerId, name, role }) => ({
        username: officerId,
        name,
        groups: [role],
        password: newPassword(),
      })),
    );
  }
  return { usersFile, users: readOidcUsers(usersFile) };
}
