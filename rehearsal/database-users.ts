import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { POSTGRES_BIN } from './postgres';

/**
 * Defect 7 of issue 11: the Temporal servers log in as their own database user, never as the master user, and
 * that user may not create tables or roles. Reads the connections the running servers hold (pg_stat_activity)
 * and the user's attributes, over the data directory's Unix socket.
 */
export function checkServersDatabaseUser(options: {
  dataDir: string;
  port: number;
  user: string;
  masterUser: string;
}): string {
  const [uid, gid] = options.user.split(':');
  const query = (sql: string) =>
    execFileSync(
      'setpriv',
      [
        `--reuid=${uid}`,
        `--regid=${gid}`,
        '--clear-groups',
        path.join(POSTGRES_BIN, 'psql'),
        ...['-h', options.dataDir, '-p', String(options.port), '-U', options.masterUser, '-d', 'postgres'],
        ...['-Atc', sql],
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C.UTF-8' } },
    )
      .split('\n')
      .filter(Boolean);
  const users = query(
    "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname IN ('temporal', 'temporal_visibility') AND client_addr IS NOT NULL",
  );
  if (users.length === 0) throw new Error('No server holds a connection to the Temporal databases');
  if (users.includes(options.masterUser)) {
    throw new Error(
      `A Temporal server is connected as the master user ${options.masterUser} (users: ${users.join(', ')})`,
    );
  }
  for (const user of users) {
    const [attributes] = query(
      `SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = '${user.replaceAll("'", "''")}'`,
    );
    if (attributes !== 'f')
      throw new Error(`The servers' database user ${user} may create roles or databases`);
    const [canCreate] = query(
      `SELECT has_database_privilege('${user.replaceAll("'", "''")}', 'temporal', 'CREATE')`,
    );
    if (canCreate !== 'f')
      throw new Error(`The servers' database user ${user} may create schemas in temporal`);
  }
  return `servers connected as ${users.join(', ')} (not ${options.masterUser}; no superuser, CREATEROLE, CREATEDB or CREATE)`;
}
