#!/usr/bin/env bash
# Installs the pinned @2toad/profanity (npm ci, from package-lock.json) when needed, then runs bench.mjs.
# Usage: scripts/bench/profanity/run.sh TEXTS [warmupIterations seconds measurementIterations seconds]
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/@2toad/profanity ]; then
  npm ci --no-audit --no-fund --silent >&2
fi
exec node bench.mjs "$@"
