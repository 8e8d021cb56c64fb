import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { POSTGRES_BIN } from './postgres';

export interface DatabaseDumpOptions {
  /** The data directory, which is also the Unix socket directory (local connections, trusted). */
  readonly dataDir: string;
  readonly port: number;
  /** uid:gid PostgreSQL runs as. */
  readonly user: string;
  readonly masterUser: string;
  /** Where the dump (clear text, then every bytea value decoded) is written, for a person to inspect. */
  readonly outFile: string;
}

export interface DatabaseDump {
  readonly databases: readonly string[];
  /** The plain-format dump of every database, as text. */
  readonly text: string;
  /** Every bytea value of the dump (history blobs, mutable state, visibility memos), decoded to its bytes. */
  readonly blobs: Buffer;
}

/**
 * Dumps every non-template database of the rehearsed Aurora stand-in with pg_dump. bytea columns come out as
 * hex (`\\x0a1b...`), so a text grep of the dump alone could never find anything inside Temporal's history blobs:
 * they are decoded here and searched as bytes.
 */
export function dumpDatabases(options: DatabaseDumpOptions): DatabaseDump {
  const [uid, gid] = options.user.split(':');
  const asPostgres = (binary: string, args: string[]) =>
    execFileSync(
      'setpriv',
      [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', path.join(POSTGRES_BIN, binary), ...args],
      { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { PATH: process.env.PATH, LANG: 'C.UTF-8' } },
    );
  const connection = ['-h', options.dataDir, '-p', String(options.port), '-U', options.masterUser];
  const databases = asPostgres('psql', [
    ...connection,
    '-d',
    'postgres',
    '-Atc',
    'SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname',
  ])
    .split('\n')
    .filter(Boolean);
  const text = databases
    .map((database) => asPostgres('pg_dump', [...connection, '-d', database, '--no-owner']))
    .join('\n');
  const blobs = Buffer.concat(
    [...text.matchAll(/\\\\x((?:[0-9a-f]{2})+)/g)].map((match) => Buffer.from(match[1]!, 'hex')),
  );
  fs.mkdirSync(path.dirname(options.outFile), { recursive: true });
  fs.writeFileSync(options.outFile, Buffer.concat([Buffer.from(text), blobs]), { mode: 0o600 });
  return { databases, text, blobs };
}

/** Where a string occurs in the dump: in its text, in its decoded blobs, both or neither. */
export function occurrencesOf(dump: DatabaseDump, needle: string): { inText: boolean; inBlobs: boolean } {
  return { inText: dump.text.includes(needle), inBlobs: dump.blobs.includes(Buffer.from(needle, 'utf8')) };
}

/**
 * The clear-text check of issue 10 on the rehearsed database: none of `secrets` may occur anywhere; each of
 * `controls` (strings the case stores in clear, e.g. its id and a search attribute value) must occur inside the
 * decoded blobs, which proves the dump is of the database the case ran in and that the blob decoding works.
 */
export function assertNoClearText(
  dump: DatabaseDump,
  secrets: Readonly<Record<string, string>>,
  controls: Readonly<Record<string, string>>,
): string {
  const missingControls = Object.entries(controls).filter(([, value]) => !occurrencesOf(dump, value).inBlobs);
  if (missingControls.length > 0) {
    throw new Error(
      `The control strings ${missingControls.map(([name, value]) => `${name} "${value}"`).join(', ')} are not in the decoded blobs of ${dump.databases.join(', ')}: the grep does not read the case's database, so its "not found" would prove nothing.`,
    );
  }
  const leaked = Object.entries(secrets).filter(([, value]) => {
    const found = occurrencesOf(dump, value);
    return found.inText || found.inBlobs;
  });
  if (leaked.length > 0) {
    throw new Error(
      `Clear text of the case in the Temporal database: ${leaked.map(([name]) => name).join(', ')}. Every payload must pass the codec (docs/data-protection.md).`,
    );
  }
  return `${Object.keys(secrets).length} case texts absent from ${dump.databases.join(', ')} (${(dump.text.length / 1024).toFixed(0)} KiB dump, ${(dump.blobs.length / 1024).toFixed(0)} KiB of decoded blobs); controls found in the blobs: ${Object.keys(controls).join(', ')}`;
}
