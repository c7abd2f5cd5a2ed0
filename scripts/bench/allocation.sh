#!/usr/bin/env bash
# What one submission costs, in figures that depend little on the machine's load: bytes the service allocates and CPU
# time it spends per POST /api/v1/comments (and its context switches), and PostgreSQL's CPU time, WAL bytes, rows and
# index entries per comment (scripts/bench/AllocationPerSubmission.java).
# Usage: ./mvnw package -DskipTests && scripts/bench/allocation.sh
# Settings: COMMENTS (measured, default 20000), WARMUP (sent first, not measured, default 40000), CLIENTS (default 16),
# RATE (the measured comments per second in all; default 0: each client as fast as it is answered),
# JAR (default target/quarkus-app/quarkus-run.jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=${JAR:-target/quarkus-app/quarkus-run.jar}
port=18481
work=$(mktemp -d)
# shellcheck source=common.sh
. scripts/bench/common.sh
start_service
pg_port=$(grep -o 'embedded PostgreSQL 17 on port [0-9]*' "$work/service.log" | awk '{print $NF}')
java scripts/bench/AllocationPerSubmission.java "$service" "$url" "$pg_port" "${COMMENTS:-20000}" \
  "${WARMUP:-40000}" "${CLIENTS:-16}" "${RATE:-0}"
