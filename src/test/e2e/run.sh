#!/usr/bin/env bash
# End-to-end test of the moderator dashboard in a real browser (Debian's headless Chromium, driven by playwright-core).
# Run after `./mvnw verify` or `./mvnw package` has built target/quarkus-app/quarkus-run.jar:
#
#   src/test/e2e/run.sh [path/to/quarkus-run.jar]
#
# Installs Chromium from Debian's packages when it is missing (needs root or sudo), runs `npm ci` here, starts the
# packaged service on a fresh embedded PostgreSQL and key pair in a temporary directory, on a free port of 127.0.0.1,
# mints a moderator and an admin token with scripts/MintToken.java, and runs every *.test.mjs here (`npm test`). The
# service may deliver webhooks to loopback (the tests' receiver) and dead-letters a delivery after a few seconds.
# SCREENSHOT_DIR=docs/screenshots refreshes the committed screenshots; by default they go to target/e2e-screenshots.
# Everything is bounded in time; the service (and its PostgreSQL) and the temporary directory are removed on exit.
set -euo pipefail

E2E_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$E2E_DIR/../../.." && pwd)"
JAR="${1:-$ROOT/target/quarkus-app/quarkus-run.jar}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
SCREENSHOT_DIR="$(realpath -m "${SCREENSHOT_DIR:-$ROOT/target/e2e-screenshots}")"
TEST_TIMEOUT="${E2E_TEST_TIMEOUT:-420}"

[[ -f "$JAR" ]] || { echo "e2e: $JAR not found; run ./mvnw package first" >&2; exit 2; }

if [[ ! -x "$CHROMIUM" ]]; then
  echo "== e2e: installing Chromium from Debian's packages"
  SUDO=""; [[ "$(id -u)" -ne 0 ]] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive timeout 900 apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
"$CHROMIUM" --version 2>/dev/null || true

echo "== e2e: npm ci"
(cd "$E2E_DIR" && timeout 300 npm ci --no-audit --no-fund --loglevel=error)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/dashboard-e2e.XXXXXX")"
SERVICE_PID=""
cleanup() {
  local rc=$?
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    # The service stops its embedded PostgreSQL on the way out (shutdown delay 5 s + timeout); then insist.
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVICE_PID" 2>/dev/null || true
  fi
  # An embedded PostgreSQL left behind by a killed service: stop it by its own pid file, nothing else.
  if [[ -f "$WORK/postgres/postmaster.pid" ]]; then
    PG_PID="$(head -1 "$WORK/postgres/postmaster.pid" 2>/dev/null || true)"
    [[ "$PG_PID" =~ ^[0-9]+$ ]] && kill -TERM "$PG_PID" 2>/dev/null || true
    sleep 1
  fi
  if [[ $rc -ne 0 && -f "$WORK/service.log" ]]; then
    echo "== e2e: last lines of the service log" >&2
    tail -n 40 "$WORK/service.log" >&2 || true
  fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
BASE_URL="http://127.0.0.1:$PORT"

echo "== e2e: starting the service on $BASE_URL (fresh embedded PostgreSQL in $WORK)"
(cd "$ROOT" && MODERATION_EMBEDDED_DB_DATA_DIR="$WORK/postgres" MODERATION_JWT_KEY_DIR="$WORK/jwt" \
  QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
  MODERATION_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true MODERATION_WEBHOOKS_INITIAL_BACKOFF=500ms \
  MODERATION_WEBHOOKS_MAX_BACKOFF=1s MODERATION_WEBHOOKS_DEAD_LETTER_AFTER=3s \
  exec java -jar "$JAR" >"$WORK/service.log" 2>&1) &
SERVICE_PID=$!

ready=""
for _ in $(seq 1 240); do
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then echo "e2e: the service exited during start" >&2; exit 1; fi
  if curl -fsS --max-time 2 "$BASE_URL/q/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
  sleep 0.5
done
[[ -n "$ready" ]] || { echo "e2e: the service was not ready within 120 s" >&2; exit 1; }

TOKEN="$(cd "$ROOT" && timeout 60 java scripts/MintToken.java e2e-moderator moderator 1 "$WORK/jwt/private-key.pem")"
ADMIN_TOKEN="$(cd "$ROOT" && timeout 60 java scripts/MintToken.java e2e-admin admin 1 "$WORK/jwt/private-key.pem")"

mkdir -p "$SCREENSHOT_DIR"
echo "== e2e: dashboard tests (every *.test.mjs) in headless Chromium (screenshots in $SCREENSHOT_DIR)"
cd "$E2E_DIR"
BASE_URL="$BASE_URL" MODERATOR_TOKEN="$TOKEN" ADMIN_TOKEN="$ADMIN_TOKEN" CHROMIUM="$CHROMIUM" \
  SCREENSHOT_DIR="$SCREENSHOT_DIR" timeout --kill-after=10 "$TEST_TIMEOUT" npm test
