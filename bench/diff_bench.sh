#!/usr/bin/env bash
# Time of `notice diff` on each sample pair against `git diff --no-index --word-diff` on the
# same two text exports in the same run, as a ratio. notice's time is given twice: from the
# text exports (parsing both, then comparing: what a user runs) and from stored records (the
# comparison alone). Peak memory of each from /usr/bin/time. Needs build/bin/notice
# (scripts/build.sh) and git (scripts/install-deps.sh --bench).
#   bash bench/diff_bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
notice=build/bin/notice
pairs=("2021-shanxi-jjzc30 2026-shanxi-jjzc53" "2021-shanxi-jjzc30 2024-shanxi-jjzc30"
       "2024-shanxi-jjzc30 2026-shanxi-jjzc53" "2026-shanxi-jjzc53 2026-anhui-wjmzc23"
       "2021-shanxi-jjzc30 2021-shanxi-jjzc65")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
$notice parse -o "$out/records" corpus/text/*.txt >/dev/null

# Mean wall time of a command over $runs runs (after one warm-up), in ms.
mean_ms() {
  "$@" >/dev/null 2>&1 || true
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" -v n="$runs" 'BEGIN { printf "%.2f", (e - s) / n / 1e6 }'
}
peak_kib() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

printf '%-40s %12s %12s %12s %8s\n' "pair (text exports)" "notice diff" "from records" "git diff" "ratio"
sum_ours=0 sum_records=0 sum_git=0
for pair in "${pairs[@]}"; do
  set -- $pair
  a=corpus/text/$1.txt b=corpus/text/$2.txt
  ours=$(mean_ms $notice diff --format json "$a" "$b")
  records=$(mean_ms $notice diff --format json "$out/records/$1.json" "$out/records/$2.json")
  git=$(mean_ms git diff --no-index --word-diff "$a" "$b")
  printf '%-40s %9s ms %9s ms %9s ms %7.2fx\n' "$1 → $2" "$ours" "$records" "$git" \
    "$(awk -v o="$ours" -v g="$git" 'BEGIN { print o / g }')"
  sum_ours=$(awk -v s="$sum_ours" -v x="$ours" 'BEGIN { print s + x }')
  sum_records=$(awk -v s="$sum_records" -v x="$records" 'BEGIN { print s + x }')
  sum_git=$(awk -v s="$sum_git" -v x="$git" 'BEGIN { print s + x }')
done
printf '%-40s %9.2f ms %9.2f ms %9.2f ms %7.2fx\n' "all pairs" "$sum_ours" "$sum_records" "$sum_git" \
  "$(awk -v o="$sum_ours" -v g="$sum_git" 'BEGIN { print o / g }')"
printf 'ratio from records (comparison alone): %.2fx\n' "$(awk -v o="$sum_records" -v g="$sum_git" 'BEGIN { print o / g }')"
set -- ${pairs[0]}
printf 'peak memory, %s → %s: notice diff %d KiB, git diff %d KiB\n' "$1" "$2" \
  "$(peak_kib $notice diff --format json corpus/text/$1.txt corpus/text/$2.txt)" \
  "$(peak_kib git diff --no-index --word-diff corpus/text/$1.txt corpus/text/$2.txt)"
