#!/usr/bin/env bash
# CI, after `npm test` (it reuses that production build): Glossa behind PgBouncer in transaction
# pooling mode — how most managed PostgreSQL offerings pool — in front of the machine's own
# PostgreSQL (Debian's 15). The e2e suite's two instances (standalone servers) and the live specs
# run with DATABASE_URL through PgBouncer and only the live feed's LISTEN (and the start-up
# migration lock) on a direct connection (GLOSSA_LISTEN_DATABASE_URL). PgBouncer's pool is kept
# smaller than the instances' pools, so transactions really do share server connections.
# Skipped, with the reason printed, where that PostgreSQL or pgbouncer is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."

source .ci/system-postgres.sh
system_postgres_require "the PgBouncer run"
PGBOUNCER=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
if [ ! -x "$PGBOUNCER" ]; then
  echo "[ci] skipping the PgBouncer run: pgbouncer is not installed (.ci/run installs Debian's package)"
  exit 0
fi

work=$(mktemp -d /tmp/glossa-pgbouncer.XXXXXX)
bouncer_pid=""
cleanup() {
  if [ -n "$bouncer_pid" ]; then kill -TERM "$bouncer_pid" 2>/dev/null || true; wait "$bouncer_pid" 2>/dev/null || true; fi
  system_postgres_cleanup glossa_ci_bouncer
  rm -rf "$work"
}
trap cleanup EXIT
system_postgres_prepare glossa_ci_bouncer

PORT_BOUNCER=${GLOSSA_CI_PGBOUNCER_PORT:-6439}
# Transaction pooling, 8 server connections for two instances whose own pools hold ~20 each.
cat >"$work/pgbouncer.ini" <<INI
[databases]
glossa_ci_bouncer = host=127.0.0.1 port=$PORT_PG dbname=glossa_ci_bouncer
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PORT_BOUNCER
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $work/userlist.txt
admin_users = glossa_ci
pool_mode = transaction
default_pool_size = 8
max_client_conn = 400
ignore_startup_parameters = extra_float_digits,options
logfile = $work/pgbouncer.log
log_connections = 0
log_disconnections = 0
INI
printf '"glossa_ci" "%s"\n' "$PASSWORD" >"$work/userlist.txt"
chown -R postgres "$work"
chmod 700 "$work"
# PgBouncer refuses to run as root.
su postgres -s /bin/sh -c "exec $PGBOUNCER -q $work/pgbouncer.ini" &
bouncer_pid=$!
for _ in $(seq 1 50); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT_BOUNCER") 2>/dev/null; then break; fi
  sleep 0.2
done
echo "[ci] $("$PGBOUNCER" --version | head -1) on port $PORT_BOUNCER (transaction pooling) in front of PostgreSQL $SYSTEM_POSTGRES_VERSION on $PORT_PG"

if [ ! -f "${GLOSSA_DIST_DIR:-.next}/standalone/server.js" ]; then npx next build; fi
E2E_PORT=${GLOSSA_CI_PGBOUNCER_E2E_PORT:-3300} \
  GLOSSA_E2E_DATABASE_URL="postgresql://glossa_ci:$PASSWORD@127.0.0.1:$PORT_BOUNCER/glossa_ci_bouncer" \
  GLOSSA_LISTEN_DATABASE_URL="postgresql://glossa_ci:$PASSWORD@127.0.0.1:$PORT_PG/glossa_ci_bouncer" \
  CI=1 npx playwright test e2e/live.spec.ts e2e/live-sessions.spec.ts e2e/two-instances.spec.ts

# Proof the traffic went through PgBouncer, sharing its few server connections.
stats=$(PGPASSWORD="$PASSWORD" psql -h 127.0.0.1 -p "$PORT_BOUNCER" -U glossa_ci -tA -F ' ' -c 'SHOW STATS' pgbouncer | awk '$1 == "glossa_ci_bouncer" { print "transactions " $2 ", queries " $3 }')
echo "[ci] PgBouncer served the run: ${stats:-nothing}"
[ -n "$stats" ] || exit 1
