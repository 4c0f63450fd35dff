# Sourced by .ci/external-postgres.sh and .ci/pgbouncer.sh: the machine's own PostgreSQL
# (Debian's 15) with a role that may create databases but is no superuser, as on a managed
# PostgreSQL, and one UTF-8 database for the caller.
# `system_postgres_require "<what is skipped>"` exits (successfully, saying why) where that cluster
# is not installed; after `system_postgres_prepare <database>`: PORT_PG, PASSWORD, SERVER_URL.
# `system_postgres_cleanup <database>` drops it and stops the cluster if this script started it.

SYSTEM_POSTGRES_VERSION=15
system_postgres_started_here=false

system_postgres_require() {
  if ! command -v pg_ctlcluster >/dev/null || ! pg_lsclusters -h 2>/dev/null | grep -q "^$SYSTEM_POSTGRES_VERSION main"; then
    echo "[ci] skipping $1: no PostgreSQL $SYSTEM_POSTGRES_VERSION cluster (pg_ctlcluster $SYSTEM_POSTGRES_VERSION main) on this machine"
    exit 0
  fi
}

system_postgres_prepare() {
  local database=$1
  if ! pg_lsclusters -h | grep -q "^$SYSTEM_POSTGRES_VERSION main .* online"; then
    echo "[ci] starting the system PostgreSQL $SYSTEM_POSTGRES_VERSION"
    pg_ctlcluster "$SYSTEM_POSTGRES_VERSION" main start
    system_postgres_started_here=true
  fi
  PORT_PG=$(pg_lsclusters -h | awk -v v="$SYSTEM_POSTGRES_VERSION" '$1 == v && $2 == "main" { print $3 }')
  PASSWORD=$(node -e 'console.log(require("node:crypto").randomBytes(18).toString("base64url"))')
  su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL
DROP DATABASE IF EXISTS $database WITH (FORCE);
SELECT format('CREATE ROLE glossa_ci LOGIN CREATEDB PASSWORD %L', '$PASSWORD') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'glossa_ci') \gexec
ALTER ROLE glossa_ci LOGIN CREATEDB NOSUPERUSER PASSWORD '$PASSWORD';
CREATE DATABASE $database OWNER glossa_ci TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8';
SQL
  SERVER_URL="postgresql://glossa_ci:$PASSWORD@127.0.0.1:$PORT_PG"
}

system_postgres_cleanup() {
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS $1 WITH (FORCE)'" >/dev/null 2>&1 || true
  if $system_postgres_started_here; then pg_ctlcluster "$SYSTEM_POSTGRES_VERSION" main stop || true; fi
}
