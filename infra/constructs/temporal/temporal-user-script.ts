/**
 * Shell lines for the schema task (after the schema is up to date): create or update Temporal's own database user
 * with the password from its secret, and grant it data access only (no DDL, no role management, not the master
 * user). psql comes with the admin-tools image (base-admin-tools installs postgresql-client); TLS is required.
 * Idempotent: every deployment's schema run sets the password again and re-grants, which is also how a rotated
 * password reaches the database.
 */
export function temporalUserScript(): string[] {
  const psql =
    'PGHOST="$SQL_HOST" PGPORT="$SQL_PORT" PGUSER="$SQL_USER" PGPASSWORD="$SQL_PASSWORD" PGSSLMODE=require psql -X -q -v ON_ERROR_STOP=1 -v user="$TEMPORAL_DB_USER"';
  return [
    `${psql} -v password="$TEMPORAL_DB_PASSWORD" -d postgres <<'SQL'`,
    `SELECT format('CREATE ROLE %I LOGIN', :'user') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user')\\gexec`,
    `ALTER ROLE :"user" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';`,
    'SQL',
    'for db in "$TEMPORAL_DB" "$TEMPORAL_VISIBILITY_DB"; do',
    `  ${psql} -v db="$db" -d "$db" <<'SQL'`,
    `GRANT CONNECT ON DATABASE :"db" TO :"user";`,
    `GRANT USAGE ON SCHEMA public TO :"user";`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"user";`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO :"user";`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"user";`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"user";`,
    'SQL',
    'done',
    'echo "database user $TEMPORAL_DB_USER has data access to $TEMPORAL_DB and $TEMPORAL_VISIBILITY_DB"',
  ];
}
