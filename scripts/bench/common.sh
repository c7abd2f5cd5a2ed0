# Shared by the benchmark scripts (sourced): start the packaged service, run wrk, pace wrk at half of a peak rate.
# The caller sets: jar, port, conns, duration, work (a temporary directory).

# remove_databases: on exit, the directories in $work (the database of a run is gigabytes of tables and write-ahead log);
# the logs and figures stay.
remove_databases() {
  find "$work" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
}

# start_service [ENV=VALUE ...]: the packaged service on a fresh embedded database in $work, ready to serve; stopped,
# and its database removed, when the script exits.
start_service() {
  env MODERATION_EMBEDDED_DB_DATA_DIR="$work/postgres" MODERATION_JWT_KEY_DIR="$work/jwt" \
    QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 "$@" java -jar "$jar" >"$work/service.log" 2>&1 &
  service=$!
  trap 'kill $service 2>/dev/null || true; wait $service 2>/dev/null || true; remove_databases' EXIT
  url=http://127.0.0.1:$port
  for _ in $(seq 1 120); do
    curl -fs "$url/q/health/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "the service was not ready within 60 s; see $work/service.log" >&2
  return 1
}

# run_wrk NAME WRK-ARGS...: prints req/s, p50, p99 and non-2xx answers; keeps the rate in $work/NAME.rps.
run_wrk() {
  local name=$1; shift
  local out
  out=$(wrk -t2 -c"$conns" -d"$duration" --latency "$@")
  awk '/Requests\/sec/ {print $2}' <<<"$out" >"$work/$name.rps"
  printf '%-40s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$name" "$(cat "$work/$name.rps")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")" \
    "$(awk '/Non-2xx/ {print $NF}' <<<"$out" | grep . || echo 0)"
}

# run_at_half_peak NAME SCRIPT: SCRIPT again, each connection paced so that together they offer about half of the
# rate NAME reached (scripts/bench/paced.lua).
run_at_half_peak() {
  local delay
  delay=$(awk -v c="$(cat "$work/$1.rps")" -v n="$conns" 'BEGIN {printf "%d", n * 1000 / (c / 2)}')
  WRK_SCRIPT=$2 DELAY_MS=$delay run_wrk "$1-at-half-peak(${delay}ms)" -s scripts/bench/paced.lua "$url"
}
