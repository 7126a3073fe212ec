#!/bin/bash
# Run once by the postgres image on an empty data directory. One database and one login role per service: each role
# owns its own database and may connect to no other (PUBLIC loses CONNECT everywhere).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -c 'revoke connect on database postgres from public' -c 'revoke connect on database template1 from public'
for service in intake session notification; do
  password_variable="${service^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$service" -v password="${!password_variable:?$password_variable is not set}" <<'SQL'
create role :"role" login password :'password';
create database :"role" owner :"role";
revoke all on database :"role" from public;
SQL
done
