#!/usr/bin/env bash
# Restart to ready of the packaged service on its embedded default, run from target/quarkus-app (so with the rules
# built into it): one first start on a fresh data directory (not counted: binaries unpacked, initdb, migrations), then
# RUNS restarts on that same data directory, each timed from `java -jar` to /q/health/ready answering UP. Prints each
# time with its breakdown from the service's start-up log lines (ms after the JVM started: main entered, PostgreSQL
# accepting connections, rules compiled, Flyway's first connection, Flyway and Hibernate ORM done, start-up beans
# created), their median and the load average. Readiness is asked with bash's own /dev/tcp every 20 ms: a curl process
# started that often took about a second of CPU from the two cores during a restart (0.3-0.5 s more to ready).
# Usage: ./mvnw package -DskipTests && scripts/bench/restart.sh
# Settings: RUNS (default 5), JAVA_OPTS (extra JVM flags), APPCDS (on by default when the build made
# target/quarkus-app/app-cds.jsa: the jar then runs from its own directory with -XX:SharedArchiveFile=app-cds.jsa, as
# the JVM requires; off: without it).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-5}
appcds=${APPCDS:-on}
[[ -f target/quarkus-app/app-cds.jsa ]] || appcds=off
cds_flag=
[[ $appcds == on ]] && cds_flag=-XX:SharedArchiveFile=app-cds.jsa
port=18470
work=$(mktemp -d)
service=

stop_service() {
  if [[ -n $service ]]; then
    kill "$service" 2>/dev/null || true
    wait "$service" 2>/dev/null || true
    service=
  fi
}
# shellcheck source=common.sh
. scripts/bench/common.sh
trap 'stop_service; remove_databases' EXIT

# A FIFO opened for reading and writing never has data: `read -t` on it waits without starting a process.
mkfifo "$work/idle"
exec {idle}<>"$work/idle"

# ready: whether /q/health/ready answers 200 (UP), asked over a connection of bash's own (no process started).
ready() {
  local answer=
  { exec {http}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /q/health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&"$http"
  IFS= read -r -d '' -t 5 -u "$http" answer || true
  exec {http}<&-
  [[ $answer == "HTTP/1."?" 200 "* ]] # 503 while any check is DOWN
}

# start_and_time: starts the jar and sets $elapsed to the milliseconds until readiness is UP (not in a subshell, so
# that $service stays known here).
start_and_time() {
  local start now
  log_lines_before=0
  [[ -f $work/service.log ]] && log_lines_before=$(wc -l <"$work/service.log")
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  (cd target/quarkus-app && exec env MODERATION_EMBEDDED_DB_DATA_DIR="$work/postgres" MODERATION_JWT_KEY_DIR="$work/jwt" \
    QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_SHUTDOWN_DELAY=0s \
    java $cds_flag ${JAVA_OPTS:-} -jar quarkus-run.jar >>"$work/service.log" 2>&1) &
  service=$!
  until ready; do
    if ! kill -0 "$service" 2>/dev/null; then
      echo "the service exited; see $work/service.log" >&2
      return 1
    fi
    if (( ${EPOCHREALTIME/./} / 1000 - start / 1000000 > 60000 )); then
      echo "the service was not ready within 60 s; see $work/service.log" >&2
      return 1
    fi
    read -r -t 0.02 -u "$idle" || true
  done
  now=$(date +%s%N)
  elapsed=$(( (now - start) / 1000000 ))
}

# breakdown: the start-up timeline of the start just timed, each part as ms after the JVM started.
breakdown() {
  tail -n +"$((log_lines_before + 1))" "$work/service.log" | awk '
    function at(line) { match(line, /[0-9]+ ms after the JVM started/); return substr(line, RSTART, RLENGTH - 25) }
    /Start-up: main runs/ { match($0, /main runs [0-9]+/); main = substr($0, RSTART + 10, RLENGTH - 10) }
    /Using the embedded PostgreSQL/ { db = at($0) }
    /Start-up: the rules compiled/ { rules = at($0) }
    /Start-up: Flyway.s first connection/ { flyway = at($0) }
    /Start-up: Flyway and Hibernate ORM started/ { orm = at($0) }
    /Start-up: the start-up beans are created/ { beans = at($0) }
    END { printf "main %s, database %s, rules %s, Flyway starts %s, Flyway+ORM done %s, beans %s (ms after JVM start)", main, db, rules, flyway, orm, beans }'
}

echo "== $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), AppCDS $appcds, JAVA_OPTS=${JAVA_OPTS:-}"
start_and_time
echo "first start (fresh data directory, not counted): $elapsed ms"
stop_service
times=()
for i in $(seq 1 "$runs"); do
  start_and_time
  stop_service
  times+=("$elapsed")
  echo "restart $i: $elapsed ms; $(breakdown)"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
echo "median restart to ready: $median ms (of $runs; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
echo "service log: $work/service.log"
