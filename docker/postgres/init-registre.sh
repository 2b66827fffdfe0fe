#!/usr/bin/env bash
# Creates the two Registre roles and the database. The official postgres image runs every
# script in /docker-entrypoint-initdb.d once, when it initialises an EMPTY data directory;
# changing the passwords in .env afterwards does not change them in the database (see
# docs/operations.md, "Database roles").
#
#   registre_owner  LOGIN, owns the database and the schema, runs the migrations (DATABASE_URL)
#   registre_app    LOGIN, NOSUPERUSER, NOBYPASSRLS, owns nothing: the API's everyday
#                   connection (DATABASE_APP_URL); row-level security applies to it
#   registre_auth   NOLOGIN: password hashes, sessions, sign-in links, TOTP secrets; the
#                   owner's connection switches to it for the account code only
#
# Passwords come from the environment (docker/.env). They end up inside connection URLs, so
# keep them URL-safe (letters and digits, e.g. `openssl rand -hex 24`).
set -euo pipefail

: "${REGISTRE_OWNER_PASSWORD:?REGISTRE_OWNER_PASSWORD must be set}"
: "${REGISTRE_APP_PASSWORD:?REGISTRE_APP_PASSWORD must be set}"
REGISTRE_DB="${REGISTRE_DB:-registre}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  --set=owner_password="$REGISTRE_OWNER_PASSWORD" \
  --set=app_password="$REGISTRE_APP_PASSWORD" \
  --set=db="$REGISTRE_DB" <<'SQL'
CREATE ROLE registre_owner WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
  PASSWORD :'owner_password';
CREATE ROLE registre_app WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
  PASSWORD :'app_password';
-- Lets the owner connection switch to the application role (the API does this on every
-- connection when DATABASE_APP_URL is not set). The first migration tries the same grant
-- and only logs a notice when it is not allowed to.
GRANT registre_app TO registre_owner;
-- The account role: the application role is not a member, so it can never switch to it.
CREATE ROLE registre_auth WITH NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
GRANT registre_auth TO registre_owner;

CREATE DATABASE :"db" WITH OWNER registre_owner ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO registre_app;

\connect :"db"
-- PostgreSQL 15+ already keeps CREATE on schema public to its owner (the database owner);
-- these two lines give the same result on PostgreSQL 14.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO registre_owner;
SQL

echo "Registre: database \"$REGISTRE_DB\" with roles registre_owner, registre_app and registre_auth created."
