#!/usr/bin/env bash
# Scale-out proved on one machine: a throw-away PostgreSQL on a loopback port, shared by two instances of the
# packaged service (started, checked and killed by ScaleOut.java beside this file). Prints the figures; exits
# non-zero on any failure; bounded in time; sends traffic to 127.0.0.1 only; cleans up after itself.
# Usage (after ./mvnw package -DskipTests): scripts/scale-out/run.sh [target/quarkus-app/quarkus-run.jar]
set -euo pipefail
cd "$(dirname "$0")/../.."

jar=${1:-target/quarkus-app/quarkus-run.jar}
[ -f "$jar" ] || { echo "scale-out: $jar not found; build it with ./mvnw package -DskipTests" >&2; exit 1; }
pg_port=${SCALE_OUT_PG_PORT:-15432}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ ! -x "$pg_bin/initdb" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

work=$(mktemp -d /tmp/scale-out.XXXXXX)
chmod 755 "$work"
# initdb and postgres refuse to run as root: as root (CI), run them as the "postgres" user of the Debian package.
as_db_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
db=$work/db   # everything of PostgreSQL's, owned by the user that runs it
cleanup() {
  as_db_user "$pg_bin/pg_ctl" -D "$db/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir "$db"
if [ "$(id -u)" = 0 ]; then chown postgres "$db"; fi
as_db_user "$pg_bin/initdb" -D "$db/data" -U moderation --auth=trust -E UTF8 >"$work/initdb.log" \
  || { cat "$work/initdb.log"; exit 1; }
as_db_user "$pg_bin/pg_ctl" -D "$db/data" -l "$db/postgres.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=$db" start \
  >/dev/null || { cat "$db/postgres.log"; exit 1; }
as_db_user "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U moderation moderation
echo "scale-out: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

# The instances watch a copy of rules/, which the check then changes.
cp -r rules "$work/rules"

timeout 600 java scripts/scale-out/ScaleOut.java "$jar" "jdbc:postgresql://127.0.0.1:$pg_port/moderation" \
  "$work/rules" "$work"
