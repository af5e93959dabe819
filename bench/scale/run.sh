#!/usr/bin/env bash
# The archive at scale: N generated notices (bench/scale/generate.cc: variants of the corpus
# notices, typeset as PDFs) ingested into a fresh archive with `notice ingest -j $(nproc)`, for each
# N given (default 1000 and 10000): notices/s, peak memory (/usr/bin/time -v), archive size; then
# `xargs -P $(nproc) pdftotext -layout` over the same PDFs in the same run, and the ratio of the two
# times (the target is at most 1.2); then the latency of `notice search` (p50, p99) over the
# largest archive. Needs poppler-utils and GNU time.
#   bash bench/scale/run.sh [N...]
#   NOTICE_BUILD_DIR=build  SCALE_DIR=DIR (keep the notices and archives there; default a
#   temporary folder, removed at the end)  SEARCH_RUNS=5 (runs of each query)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${NOTICE_BUILD_DIR:-build}
jobs=$(nproc)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
largest=$(printf '%s\n' "${sizes[@]}" | sort -n | tail -1)
runs=${SEARCH_RUNS:-5}
if [ -n "${SCALE_DIR:-}" ]; then
  work=$SCALE_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d /tmp/notice-scale.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi
for tool in pdftotext /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed (poppler-utils, time)" >&2; exit 1; }
done

cmake --build "$build" -j2 --target notice scale_generate >/dev/null
notice=$build/bin/notice
"$notice" ingest --help >/dev/null 2>&1 || { echo "run.sh: this notice has no ingest command" >&2; exit 1; }

gen=$work/notices
if [ "$(find "$gen/pdf" -name '*.pdf' 2>/dev/null | wc -l)" -lt "$largest" ]; then
  rm -rf "$gen"
  "$build/bin/scale_generate" -n "$largest" -o "$gen" --pdf-only
fi

find "$gen/pdf" -name '*.pdf' | sort >"$work/all.list"

seconds() {  # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.5" → 62.5
  awk '/Elapsed \(wall clock\)/ { sub(/.*\): /, ""); n = split($0, p, ":"); t = 0; for (i = 1; i <= n; i++) t = t * 60 + p[i]; print t }' "$1"
}
peak_kib() { awk '/Maximum resident set size/ { print $NF }' "$1"; }

load() { cut -d' ' -f1-3 /proc/loadavg; }
printf '%s\n' "machine: $jobs cores, load average $(load); notices: $gen/pdf ($(du -sh "$gen/pdf" | cut -f1) for $largest)"
printf '%8s %10s %9s %10s %12s %13s %7s\n' N notices/s ingest_s peak_MiB archive_MiB pdftotext_s ratio
for n in "${sizes[@]}"; do
  list=$work/list-$n
  head -n "$n" "$work/all.list" >"$list"

  # The peer: pdftotext over the same files, all cores (each writes its .txt beside a link).
  peer=$work/peer-$n
  rm -rf "$peer" && mkdir -p "$peer"
  while read -r f; do ln -s "$f" "$peer/$(basename "$f")"; done <"$list"
  find "$peer" -name '*.pdf' | sort >"$peer.list"
  /usr/bin/time -v -o "$work/peer-$n.time" xargs -P "$jobs" -n 1 pdftotext -layout <"$peer.list"
  t_peer=$(seconds "$work/peer-$n.time")

  archive=$work/archive-$n
  rm -rf "$archive" && mkdir -p "$archive"
  status=0
  /usr/bin/time -v -o "$work/ingest-$n.time" "$notice" ingest --archive "$archive/notices.db" -j "$jobs" --quiet - \
    <"$list" >"$work/ingest-$n.log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    echo "run.sh: notice ingest exited $status on N=$n (see $work/ingest-$n.log):" >&2
    tail -5 "$work/ingest-$n.log" >&2
  fi
  t_ours=$(seconds "$work/ingest-$n.time")
  printf '%8d %10.1f %9.1f %10.1f %12.1f %13.1f %7.2f\n' "$n" "$(echo "$n / $t_ours" | bc -l)" "$t_ours" \
    "$(echo "$(peak_kib "$work/ingest-$n.time") / 1024" | bc -l)" \
    "$(echo "$(du -sb "$archive" | cut -f1) / 1048576" | bc -l)" "$t_peer" "$(echo "$t_ours / $t_peer" | bc -l)"
  tail -3 "$work/ingest-$n.log" | sed 's/^/    /'
done

# Search: 2-, 3- and 4-character words, one character, a phrase, Latin and digits, NOT.
queries=(教育 民政 养老 退役军人 职业教育 活动周 终身学习 教育厅 培训 通知 放假 清明 科普 交通 残疾人 卫生健康 \
  学前教育 义务教育 表彰 征求意见 厅 育 2026 2015 pdf '"职业教育活动周"' '教育 NOT 民政' 'NEAR(民政 退役军人, 10)')
db=$work/archive-$largest/notices.db
times=$work/search.ms
: >"$times"
for _ in $(seq "$runs"); do
  for q in "${queries[@]}"; do
    start=$(date +%s%N)
    "$notice" search --archive "$db" "$q" >/dev/null || echo "run.sh: search failed: $q" >&2
    echo $((($(date +%s%N) - start) / 1000)) >>"$times"
  done
done
sort -n "$times" -o "$times"
count=$(wc -l <"$times")
pick() { sed -n "$(((count * $1 + 99) / 100))p" "$times"; }
printf 'search over %d notices (%d queries × %d runs, the whole command): p50 %.1f ms, p99 %.1f ms\n' "$largest" \
  "${#queries[@]}" "$runs" "$(echo "$(pick 50) / 1000" | bc -l)" "$(echo "$(pick 99) / 1000" | bc -l)"
printf 'load average at the end: %s\n' "$(load)"
