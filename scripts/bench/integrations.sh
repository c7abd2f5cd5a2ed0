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
# shellcheck source=common.sh
. scripts/bench/common.sh
start_service MODERATION_CORAL_SIGNING_SECRETS="$secret" MODERATION_PERSPECTIVE_REQUESTS_PER_SECOND=1000000

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

export PERSPECTIVE_KEY=$key CORAL_REQUESTS=$lua
echo "warm-up (JIT) ..."
wrk -t2 -c"$conns" -d10s -s scripts/bench/perspective.lua "$url" >/dev/null
wrk -t2 -c"$conns" -d10s -s scripts/bench/coral.lua "$url" >/dev/null
echo "== $(date -u +%FT%TZ), $(nproc) cores, wrk -t2 -c$conns -d$duration"
run_wrk health-live "$url/q/health/live"
run_wrk perspective-analyze -s scripts/bench/perspective.lua "$url"
run_wrk coral-moderation -s scripts/bench/coral.lua "$url"
run_at_half_peak perspective-analyze scripts/bench/perspective.lua
run_at_half_peak coral-moderation scripts/bench/coral.lua
echo "service log: $work/service.log"
