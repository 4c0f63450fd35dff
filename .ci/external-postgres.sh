#!/usr/bin/env bash
# CI, before `npm test`: the database unit tests and a smoke start against the machine's own
# PostgreSQL (Debian's 15) through DATABASE_URL, as the README promises PostgreSQL 14+ while the
# embedded one is 18. Skipped, with the reason printed, where that PostgreSQL is not installed.
# Kept short (about a minute): the tests run on two workers, the smoke start uses the dev server
# (no production build; `npm test` makes its own).
set -euo pipefail
cd "$(dirname "$0")/.."

source .ci/system-postgres.sh
system_postgres_require "the external PostgreSQL checks"
smoke_pid=""
cleanup() {
  # The start script, its tsx child and the Next.js server share the process group setsid gave them.
  if [ -n "$smoke_pid" ]; then kill -TERM -- "-$smoke_pid" 2>/dev/null || true; wait "$smoke_pid" 2>/dev/null || true; fi
  system_postgres_cleanup glossa_ci_smoke
  # The dev server adds its own build folder's types to tsconfig.json: npm test checks the committed one.
  git checkout -- tsconfig.json 2>/dev/null || true
}
trap cleanup EXIT
# Each test file creates its own database with the UTF-8 locale pinned (scripts/db/throwaway-database.ts).
system_postgres_prepare glossa_ci_smoke

echo "[ci] database unit tests on PostgreSQL $(su postgres -c "psql -tAc 'SHOW server_version'")"
# Those that start a throwaway database, directly or through the shared harnesses.
mapfile -t db_tests < <(grep -rlE --include='*.test.ts' "startThrowawayDatabase|testDatabase\(|testLibrary\(|testServer\(" lib scripts prisma components 2>/dev/null | sort)
GLOSSA_TEST_DATABASE_URL="$SERVER_URL/postgres" npx vitest run --maxWorkers=2 "${db_tests[@]}"

echo "[ci] smoke start on DATABASE_URL (PostgreSQL $SYSTEM_POSTGRES_VERSION)"
SMOKE_PORT=3917
log=$(mktemp)
DATABASE_URL="$SERVER_URL/glossa_ci_smoke" BETTER_AUTH_SECRET="$PASSWORD-$PASSWORD" PORT=$SMOKE_PORT GLOSSA_DIST_DIR=.next-ci-postgres \
  setsid node_modules/.bin/tsx --conditions=react-server scripts/start.ts --dev >"$log" 2>&1 &
smoke_pid=$!
for _ in $(seq 1 180); do
  if curl -fsS "http://localhost:$SMOKE_PORT/api/health" >/dev/null 2>&1; then
    echo "[ci] /api/health answered 200 on PostgreSQL $SYSTEM_POSTGRES_VERSION"
    articles=$(su postgres -c "psql -tAc 'SELECT count(*) FROM \"Article\"' glossa_ci_smoke")
    [ "$articles" -ge 1 ] || { echo "[ci] the smoke start did not seed the sample article"; cat "$log"; exit 1; }
    exit 0
  fi
  if ! kill -0 "$smoke_pid" 2>/dev/null; then break; fi
  sleep 1
done
echo "[ci] the smoke start on PostgreSQL $SYSTEM_POSTGRES_VERSION did not become healthy:"
cat "$log"
exit 1
