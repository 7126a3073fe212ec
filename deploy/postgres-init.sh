#!/bin/bash
# Run once by the postgres image on an empty data directory. One database and one login role per service: each role
# owns its own database and may connect to no other (PUBLIC loses CONNECT everywhere).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -c 'revoke connect on database postgres from public' -c 'revoke connect on database template1 from public'
for service in intake session notification audit; do
  password_variable="${service^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$service" -v password="${!password_variable:?$password_variable is not set}" <<'SQL'
create role :"role" login password :'password';
create database :"role" owner :"role";
revoke all on database :"role" from public;
SQL
done
# audit: the role "audit" owns the database and migrates it; audit-service connects as "audit_app", to which the
# migrations grant only insert and select on the audit records (see audit-service's db/migration/audit)
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v password="${AUDIT_APP_DB_PASSWORD:?AUDIT_APP_DB_PASSWORD is not set}" <<'SQL'
create role audit_app login password :'password';
grant connect on database audit to audit_app;
SQL
