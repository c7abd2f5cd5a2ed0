#!/usr/bin/env bash
# HTTP benchmark of the Coral and Perspective endpoints of the packaged service on loopback, with GET /q/health/live
# measured in the same run as the machine's yardstick. Usage: ./mvnw package -DskipTests && scripts/bench/integrations.sh
# Settings: CONNS (wrk connections, default 16), DURATION (default 15s). Needs wrk, openssl, java.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/quarkus-app/quarkus-run.jar
conns=${CONNS:-16}
duration=${DURATION:-15s}
port=18490
secret=empsec_bench-$(openssl rand -hex 8)
work=$(mktemp -d)
url=http://127.0.0.1:$port

MODERATION_EMBEDDED_DB_DATA_DIR=$work/postgres MODERATION_JWT_KEY_DIR=$work/jwt QUARKUS_HTTP_PORT=$port \
  QUARKUS_HTTP_HOST=127.0.0.1 MODERATION_CORAL_SIGNING_SECRETS=$secret \
  MODERATION_PERSPECTIVE_REQUESTS_PER_SECOND=1000000 java -jar "$jar" >"$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$url/q/health/ready" >/dev/null && break
  sleep 0.5
done

token=$(java scripts/MintToken.java bench admin 1 "$work/jwt/private-key.pem")
key=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"siteId":"bench-site","name":"wrk"}' "$url/api/v1/admin/api-keys" | sed 's/.*"key":"\([^"]*\)".*/\1/')

# Coral's pretty-printed bodies, a new story each, signed with the secret; the texts mix clean and dirty comments.
lua=$work/coral-requests.lua
echo 'return {' >"$lua"
i=0
for text in "Thanks for this article, it explains the budget debate very clearly." \
            "<p>What a load of sh!t, the council should be ashamed of itself.</p>" \
            "You are a complete moron if you believe any of this." \
            "Great reporting. My grandmother lived on that street for forty years."; do
  i=$((i + 1))
  body=$(printf '{\n  "action": "NEW",\n  "comment": {\n    "body": "%s",\n    "parentID": null\n  },\n  "author": {\n    "id": "bench-author-%s",\n    "role": "COMMENTER"\n  },\n  "story": {\n    "id": "bench-story-%s",\n    "url": "http://localhost/story"\n  },\n  "site": {\n    "id": "bench-site"\n  },\n  "tenantID": "bench",\n  "tenantDomain": "localhost"\n}' "$text" "$i" "$i")
  sig=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)
  printf '  {body = [==[%s]==], signature = "sha256=%s"},\n' "$body" "$sig" >>"$lua"
done
echo '}' >>"$lua"

run_wrk() { # name, then wrk arguments; keeps the rate in $work/name.rps
  local name=$1; shift
  local out
  out=$(wrk -t2 -c"$conns" -d"$duration" --latency "$@")
  awk '/Requests\/sec/ {print $2}' <<<"$out" >"$work/$name.rps"
  printf '%-34s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$name" "$(cat "$work/$name.rps")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")" \
    "$(awk '/Non-2xx/ {print $NF}' <<<"$out" | grep . || echo 0)"
}
export PERSPECTIVE_KEY=$key CORAL_REQUESTS=$lua
echo "warm-up (JIT) ..."
wrk -t2 -c"$conns" -d10s -s scripts/bench/perspective.lua "$url" >/dev/null
wrk -t2 -c"$conns" -d10s -s scripts/bench/coral.lua "$url" >/dev/null
echo "== $(date -u +%FT%TZ), $(nproc) cores, wrk -t2 -c$conns -d$duration"
run_wrk health-live "$url/q/health/live"
run_wrk perspective-analyze -s scripts/bench/perspective.lua "$url"
run_wrk coral-moderation -s scripts/bench/coral.lua "$url"
# Half of each peak rate: every connection paced so that all together offer about half of what it reached.
for name in perspective-analyze coral-moderation; do
  script=scripts/bench/${name%%-*}.lua
  delay=$(awk -v c="$(cat "$work/$name.rps")" -v n="$conns" 'BEGIN {printf "%d", n * 1000 / (c / 2)}')
  WRK_SCRIPT=$script DELAY_MS=$delay run_wrk "$name-at-half-peak(${delay}ms)" -s scripts/bench/paced.lua "$url"
done
echo "service log: $work/service.log"
