#!/usr/bin/env bash
# Runs CMD with a throwaway PostgreSQL 15 cluster: initdb in a temporary folder, the server on
# 127.0.0.1 at a free port (its socket in that folder too), NOTICE_TEST_PG=postgresql://… (a
# database notice_tests with pg_trgm) set for CMD (the archive tests run against it), and the cluster stopped and removed afterwards,
# whatever happens. As root, the server runs as the unprivileged user `nobody` (PostgreSQL
# refuses root). Without Debian's postgresql package, CMD runs without NOTICE_TEST_PG and the
# PostgreSQL tests say loudly that they were skipped.
#   scripts/with-postgres.sh CMD [ARG...]
#   NOTICE_PG_FSYNC=on   durable commits (default off: a throwaway cluster for tests; the bench
#                        sets it on)
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 CMD [ARG...]" >&2; exit 2; }
bin=${NOTICE_PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "with-postgres: ***** no PostgreSQL 15 in $bin (Debian package postgresql):" \
       "the PostgreSQL archive tests will be SKIPPED *****" >&2
  unset NOTICE_TEST_PG
  exec "$@"
fi

dir=$(mktemp -d /tmp/notice-pg.XXXXXX)
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  chown nobody:nogroup "$dir"
  run_as=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
fi
# The server's commands run from its folder: the user they run as may not read the working one.
as_server() { (cd "$dir" && "${run_as[@]}" "$@"); }
stop() {
  as_server "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

as_server "$bin/initdb" -D "$dir/data" -U notice --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
started=
for _ in 1 2 3 4 5; do
  port=$(free_port)
  # No durability needed for a throwaway cluster: fsync off makes the tests fast.
  fsync=${NOTICE_PG_FSYNC:-off}
  if as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
       -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=$fsync -c max_connections=200" \
       start >/dev/null; then
    started=1
    break
  fi
done
[ -n "$started" ] || { echo "with-postgres: the server did not start:" >&2; tail -20 "$dir/server.log" >&2; exit 1; }
# The tests' database: each test makes a schema of its own in it (fast, unlike a database each).
"$bin/psql" -X -q -v ON_ERROR_STOP=1 "postgresql://notice@127.0.0.1:$port/postgres" \
  -c "CREATE DATABASE notice_tests" -c '\c notice_tests' -c "CREATE EXTENSION pg_trgm" >/dev/null
export NOTICE_TEST_PG="postgresql://notice@127.0.0.1:$port/notice_tests"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $NOTICE_TEST_PG" >&2
status=0
"$@" || status=$?
exit "$status"
