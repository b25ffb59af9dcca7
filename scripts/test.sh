#!/usr/bin/env bash
# `pnpm test`: finds or starts MongoDB and Redis (scripts/local-services.mjs),
# then runs the backend tests and, when the dashboard exists, its tests.
# Stops at the first failure and exits non-zero.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PNPM=(npx -y pnpm@10)
# No "Next.js collects telemetry" notice from the dashboard's build and start.
export NEXT_TELEMETRY_DISABLED=1
TEST_DB=pedidos_test

if [[ ! -d node_modules || ! -d nest-backend/node_modules || ( -f next-frontend/package.json && ! -d next-frontend/node_modules ) ]]; then
  "${PNPM[@]}" install --frozen-lockfile
fi

env_file="$(mktemp)"
services_pid=""
cleanup() {
  local status=$?
  if [[ -n "$services_pid" ]] && kill -0 "$services_pid" 2>/dev/null; then
    kill -TERM "$services_pid" 2>/dev/null || true
    wait "$services_pid" 2>/dev/null || true
  fi
  rm -f "$env_file"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

node scripts/local-services.mjs --print-env --mongo-db "$TEST_DB" >"$env_file" &
services_pid=$!

# The first run may build the FerretDB launcher (1-2 minutes): wait up to 15.
deadline=$((SECONDS + 900))
until grep -q '^REDIS_URL=' "$env_file"; do
  if ! kill -0 "$services_pid" 2>/dev/null; then
    echo "test: local services failed to start (see the lines above)" >&2
    exit 1
  fi
  if ((SECONDS > deadline)); then
    echo "test: local services not ready after 15 minutes" >&2
    exit 1
  fi
  sleep 0.5
done

MONGO_URI="$(sed -n 's/^MONGO_URI=//p' "$env_file")"
REDIS_URL="$(sed -n 's/^REDIS_URL=//p' "$env_file")"

# The tests refuse a database whose name lacks "test": a MONGO_URI given from
# outside gets the test database unless it already names one.
uri_pattern='^(mongodb(\+srv)?://[^/?]+)(/([^?]*))?(\?.*)?$'
if [[ "$MONGO_URI" =~ $uri_pattern ]] && [[ "${BASH_REMATCH[4]}" != *test* ]]; then
  MONGO_URI="${BASH_REMATCH[1]}/${TEST_DB}${BASH_REMATCH[5]}"
fi
export MONGO_URI REDIS_URL
echo "test: MONGO_URI=${MONGO_URI//\/\/*:*@//***@} REDIS_URL=${REDIS_URL//\/\/*:*@//***@}"

"${PNPM[@]}" --filter @pedidos/processes test
"${PNPM[@]}" --filter nest-backend test

if [[ -f next-frontend/package.json ]]; then
  "${PNPM[@]}" --filter next-frontend test
fi
