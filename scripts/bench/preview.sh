#!/usr/bin/env bash
# Times one ruleset preview (POST /api/v1/admin/ruleset/preview) over 100,000 stored comments of the last 30 days.
# Usage: ./mvnw package -DskipTests && scripts/bench/preview.sh      (needs psql: Debian's postgresql-client)
#
# The packaged service starts on a fresh embedded database, which is seeded with scripts/bench/preview-seed.sql.
# Baseline, in the same run: a preview whose candidate is one small rule file replacing the whole directory, so its
# cost is streaming the rows and judging them with the serving rules alone. Then the measured preview: the serving
# rules plus one new file, so both judgements are full rulesets. Each is timed from the POST to the job being DONE.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
port=18481
work=$(mktemp -d)
source scripts/bench/common.sh
start_service
pg_port=$(grep -o 'embedded PostgreSQL 17 on port [0-9]*' "$work/service.log" | awk '{print $NF}')
token=$(java scripts/MintToken.java bench admin 1 "$work/jwt/private-key.pem")

echo "== $(date -u +%FT%TZ), $(nproc) cores"
seed_start=$(date +%s.%N)
psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres postgres -f scripts/bench/preview-seed.sql
awk -v s="$seed_start" -v e="$(date +%s.%N)" 'BEGIN {printf "seeded 100,000 comments in %.1f s\n", e - s}'

new_rule=$'language: en\ncategory: personal_attack\nrules:\n  - id: en.personal_attack.florbix\n    severity: medium\n    description: bench\n    terms: [florbix]\n    examples:\n      match: ["you florbix"]\n      noMatch: ["a flower box"]\n'
overlay=$(jq -n --arg rule "$new_rule" '{files: {"en/bench.yaml": $rule}}')
alone=$(jq -n --arg rule "$new_rule" '{files: {"en/bench.yaml": $rule}, replaceAll: true}')

# preview NAME BODY: prints the seconds from the POST to DONE and the rows judged
preview() {
  local start location job status
  start=$(date +%s.%N)
  location=$(curl -fsS -o /dev/null -w '%header{location}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$2" "$url/api/v1/admin/ruleset/preview")
  while :; do
    job=$(curl -fsS -H "Authorization: Bearer $token" "$location")
    status=$(jq -r .status <<<"$job")
    [ "$status" = QUEUED ] || [ "$status" = RUNNING ] || break
    sleep 0.05
  done
  [ "$status" = DONE ] || { echo "$1: $status $(jq -c . <<<"$job")" >&2; exit 1; }
  awk -v n="$1" -v s="$start" -v e="$(date +%s.%N)" -v j="$(jq .judged <<<"$job")" \
    'BEGIN {printf "%-44s %6.2f s  (%d comments)\n", n, e - s, j}' | tee "$work/$1.line"
  awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {print e - s}' >"$work/$1.seconds"
  jq -c '{transitions: .result.transitions, moderators: .result.moderators}' <<<"$job" >"$work/$1.json"
}

preview warm-up "$overlay" >/dev/null # the JIT compiles the engine's loops
preview baseline-serving-rules-only "$alone"
preview preview-serving-and-candidate "$overlay"
cat "$work/preview-serving-and-candidate.json"; echo
awk -v p="$(cat "$work/preview-serving-and-candidate.seconds")" -v b="$(cat "$work/baseline-serving-rules-only.seconds")" \
  'BEGIN {printf "ratio preview / baseline: %.2f\n", p / b}'
