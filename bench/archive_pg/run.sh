#!/usr/bin/env bash
# The shared archive: N generated notices (bench/scale/generate.cc, text exports) ingested by 1,
# 2 and 4 `notice ingest` processes at once (each a share of the files, -j 1) into one
# PostgreSQL server and into one SQLite file, the same notices in the same run: wall time and
# notices/s; then the latency of Archive::search (p50, p99) from 8 searcher threads, each with
# its own connection, while 4 ingesters fill a fresh archive, on both backends.
# The server is a throwaway PostgreSQL 15 cluster (scripts/with-postgres.sh) with durable commits
# (fsync on, synchronous_commit on); SQLite runs as the archive does (WAL, synchronous=NORMAL).
#   bash bench/archive_pg/run.sh [N]          (default 10000)
#   NOTICE_BUILD_DIR=build  BENCH_DIR=DIR (keep notices and archives there; default a temporary
#   folder, removed at the end)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${NOTICE_BENCH_INSIDE:-}" ]; then
  NOTICE_BENCH_INSIDE=1 NOTICE_PG_FSYNC=on exec bash scripts/with-postgres.sh bash "$0" "$@"
fi
[ -n "${NOTICE_TEST_PG:-}" ] || { echo "run.sh: no PostgreSQL server (see scripts/with-postgres.sh)" >&2; exit 1; }
n=${1:-10000}
build=${NOTICE_BUILD_DIR:-build}
if [ -n "${BENCH_DIR:-}" ]; then
  work=$BENCH_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d /tmp/notice-archive-pg.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi
cmake --build "$build" -j2 --target notice scale_generate archive_search_load >/dev/null
notice=$build/bin/notice
gen=$work/notices
if [ "$(find "$gen/txt" -name '*.txt' 2>/dev/null | wc -l)" -lt "$n" ]; then
  rm -rf "$gen"
  "$build/bin/scale_generate" -n "$n" -o "$gen" --text-only >/dev/null
fi
find "$gen/txt" -name '*.txt' | sort | head -n "$n" >"$work/all.list"

server=${NOTICE_TEST_PG%/*}
psql_admin() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 "$NOTICE_TEST_PG" -c "$1" >/dev/null; }
# A fresh, empty archive of a backend: a new file, or a new database.
fresh() {
  local backend=$1 name=$2
  if [ "$backend" = postgresql ]; then
    psql_admin "DROP DATABASE IF EXISTS $name WITH (FORCE)"
    psql_admin "CREATE DATABASE $name"
    echo "$server/$name"
  else
    rm -f "$work/$name.db" "$work/$name.db-wal" "$work/$name.db-shm"
    echo "$work/$name.db"
  fi
}
# Ingests every notice with K processes at once; prints the seconds it took.
ingest() {
  local archive=$1 k=$2 tag=$3
  rm -f "$work"/share-"$tag".*
  split -n r/"$k" -d "$work/all.list" "$work/share-$tag."
  local start pids=() status=0
  start=$(date +%s.%N)
  for share in "$work"/share-"$tag".*; do
    "$notice" ingest --archive "$archive" -j 1 --quiet - <"$share" >"$share.log" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
  [ "$status" -eq 0 ] || { echo "run.sh: an ingester failed ($tag):" >&2; tail -3 "$work"/share-"$tag".*.log >&2; }
  echo "$(date +%s.%N) - $start" | bc -l
}
count() {  # versions in an archive
  "$notice" list --archive "$1" --all-versions --format jsonl | wc -l
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $n notices ($(du -sh "$gen/txt" | cut -f1)); PostgreSQL $(psql -X -At "$NOTICE_TEST_PG" -c 'SHOW server_version')"
printf '%-11s %10s %10s %11s %10s\n' backend ingesters seconds notices/s versions
for k in 1 2 4; do
  for backend in sqlite postgresql; do
    archive=$(fresh "$backend" "bench_$k")
    t=$(ingest "$archive" "$k" "$backend-$k")
    printf '%-11s %10d %10.1f %11.1f %10d\n' "$backend" "$k" "$t" "$(echo "$n / $t" | bc -l)" "$(count "$archive")"
  done
done

printf '\n%-11s %10s %10s %10s %10s %10s\n' backend searches failed p50_ms p99_ms ingest_s
for backend in sqlite postgresql; do
  archive=$(fresh "$backend" bench_load)
  # The archive exists (schema made) before the searchers start.
  "$notice" list --archive "$archive" >/dev/null 2>&1 || true
  rm -f "$work/stop"
  "$build/bin/archive_search_load" "$archive" --threads 8 --stop "$work/stop" >"$work/load-$backend.out" &
  searchers=$!
  t=$(ingest "$archive" 4 "$backend-load")
  touch "$work/stop"
  wait "$searchers" || echo "run.sh: some searches failed ($backend)" >&2
  read -r searches p50 p99 failed <"$work/load-$backend.out"
  printf '%-11s %10d %10d %10.1f %10.1f %10.1f\n' "$backend" "$searches" "$failed" "$p50" "$p99" "$t"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
