import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../domain/roles';
import { newToken, type OfficerEntry } from '../api/officer-directory';
import { sha256Hex } from '../lib/sha256';

/** The local demo's officers: two supervisors so four-eyes approvals can be tried by hand. */
const LOCAL_OFFICERS: { officerId: string; name: string; role: Role }[] = [
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
 * Creates the local officer directory and their bearer tokens on the first start (tokens file readable
 * by the owner only); later starts keep both, so tokens stay valid across restarts.
 */
export function ensureLocalOfficers(dataDir: string): { directoryFile: string; tokensFile: string } {
  const directoryFile = path.join(dataDir, 'officers.json');
  const tokensFile = path.join(dataDir, 'officer-tokens.txt');
  if (fs.existsSync(directoryFile) && fs.existsSync(tokensFile)) return { directoryFile, tokensFile };

  const lines = [
    '# Local demo bearer tokens (officer id, role, token). Keep private; delete .data/ to reset.',
  ];
  const officers: OfficerEntry[] = LOCAL_OFFICERS.map((officer) => {
    const token = newToken();
    lines.push(`${officer.officerId}\t${officer.role}\t${token}`);
    return { ...officer, tokenSha256: sha256Hex(token) };
  });
  fs.writeFileSync(tokensFile, lines.join('\n') + '\n', { mode: 0o600 });
  fs.writeFileSync(directoryFile, JSON.stringify({ officers }, null, 2) + '\n', { mode: 0o600 });
  return { directoryFile, tokensFile };
}
