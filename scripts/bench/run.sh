#!/usr/bin/env bash
# HTTP benchmark of the packaged service on loopback, with the database's own ceiling measured in the same run.
# Usage: ./mvnw package -DskipTests && scripts/bench/run.sh      (needs wrk; pgbench from PostgreSQL's binaries)
# Settings: CONNS (wrk connections, default 32), DURATION (default 20s), PGBENCH_CLIENTS (default: the pool size 16).
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/quarkus-app/quarkus-run.jar
conns=${CONNS:-32}
duration=${DURATION:-20s}
seconds=${duration%s}
pg_clients=${PGBENCH_CLIENTS:-16}
port=18480
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -n 1)
work=$(mktemp -d)
# shellcheck source=common.sh
. scripts/bench/common.sh
start_service
pg_port=$(grep -o 'embedded PostgreSQL 17 on port [0-9]*' "$work/service.log" | awk '{print $NF}')

echo "warm-up (JIT) ..."
wrk -t2 -c"$conns" -d10s -s scripts/bench/check.lua "$url" >/dev/null
wrk -t2 -c"$conns" -d10s -s scripts/bench/comments.lua "$url" >/dev/null

echo "== $(date -u +%FT%TZ), $(nproc) cores, wrk -t2 -c$conns -d$duration, pgbench -c$pg_clients -j2 -T$seconds"
run_wrk a-health-live "$url/q/health/live"
run_wrk b-check -s scripts/bench/check.lua "$url"
run_wrk c-comments -s scripts/bench/comments.lua "$url"
run_pgbench() { # name, script: prints tx/s and keeps it in $work/name.tps
  local out tps
  out=$("$pgbench" -n -c "$pg_clients" -j 2 -T "$seconds" -f "$2" -h 127.0.0.1 -p "$pg_port" -U postgres postgres 2>&1)
  tps=$(awk -F'= ' '/^tps/ {split($2, a, " "); printf "%.0f", a[1]}' <<<"$out")
  printf '%-34s %10s tx/s    latency avg %s\n' "$1" "$tps" "$(awk -F'= ' '/latency average/ {print $2}' <<<"$out")"
  echo "$tps" >"$work/$1.tps"
}
run_pgbench d-pgbench-insert scripts/bench/insert.sql
run_pgbench d2-pgbench-submission-tx scripts/bench/submission-tx.sql
pg_tps=$(cat "$work/d-pgbench-insert.tps")

c_rps=$(cat "$work/c-comments.rps")
awk -v c="$c_rps" -v d="$pg_tps" 'BEGIN {printf "ratio (c)/(d) comments vs pgbench single-row INSERT: %.2f\n", c / d}'
awk -v c="$c_rps" -v d="$(cat "$work/d2-pgbench-submission-tx.tps")" \
  'BEGIN {printf "ratio (c)/(d2) comments vs pgbench of the same transaction: %.2f\n", c / d}'

run_at_half_peak c-comments scripts/bench/comments.lua
echo "service log: $work/service.log"
