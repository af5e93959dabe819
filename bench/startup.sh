#!/usr/bin/env bash
# Start-up cost: CPU time (user + sys) per call of `notice diff A.json B.json` on two stored
# records against `git diff --no-index --word-diff A.txt B.txt` on the two text exports they
# were parsed from, in the same run, and the ratio (issue 12 asks for at most 2). Each command
# runs RUNS times per pair after one warm-up; the CPU time is the children's, as counted by the
# kernel (bash's `times`), so it is not skewed by other load on the machine the way wall time is.
# git's --word-diff splits at whitespace, and Chinese has none: each of its "words" is a whole
# clause or line. The last columns are git splitting into characters (--word-diff-regex=.), the
# nearest it comes to comparing Chinese inside a line as notice does, and the ratio against that.
#   NOTICE_BUILD_DIR=build bash bench/startup.sh [RUNS]     (default 20)
# Needs git (scripts/install-deps.sh --bench) and a built notice.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
notice=${NOTICE_BIN:-${NOTICE_BUILD_DIR:-build}/bin/notice}
pairs=("2021-shanxi-jjzc30 2026-shanxi-jjzc53" "2021-shanxi-jjzc30 2024-shanxi-jjzc30"
       "2024-shanxi-jjzc30 2026-shanxi-jjzc53" "2026-shanxi-jjzc53 2026-anhui-wjmzc23"
       "2021-shanxi-jjzc30 2021-shanxi-jjzc65")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$notice" parse -o "$out/records" corpus/text/*.txt >/dev/null

# CPU seconds (user + sys) of the children of a subshell that runs the command $runs times.
cpu_seconds() {
  "$@" >/dev/null 2>&1 || true
  (
    for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
    times
  ) | awk 'NR == 2 {
      total = 0
      for (i = 1; i <= 2; ++i) { split($i, t, /[ms]/); total += t[1] * 60 + t[2] }
      printf "%.4f", total
    }'
}
per_call_ms() { awk -v s="$1" -v n="$runs" 'BEGIN { printf "%.2f", s / n * 1000 }'; }

printf '%-42s %12s %12s %7s %12s %7s\n' "pair ($runs runs each)" "notice diff" "git diff" "ratio" "git by char" "ratio"
sum_notice=0 sum_git=0 sum_chars=0
ratio() { awk -v o="$1" -v g="$2" 'BEGIN { printf "%.2fx", o / g }'; }
for pair in "${pairs[@]}"; do
  set -- $pair
  ours=$(cpu_seconds "$notice" diff "$out/records/$1.json" "$out/records/$2.json")
  git=$(cpu_seconds git diff --no-index --word-diff "corpus/text/$1.txt" "corpus/text/$2.txt")
  chars=$(cpu_seconds git diff --no-index --word-diff-regex=. "corpus/text/$1.txt" "corpus/text/$2.txt")
  printf '%-42s %9s ms %9s ms %7s %9s ms %7s\n' "$1 → $2" "$(per_call_ms "$ours")" "$(per_call_ms "$git")" \
    "$(ratio "$ours" "$git")" "$(per_call_ms "$chars")" "$(ratio "$ours" "$chars")"
  sum_notice=$(awk -v s="$sum_notice" -v x="$ours" 'BEGIN { print s + x }')
  sum_git=$(awk -v s="$sum_git" -v x="$git" 'BEGIN { print s + x }')
  sum_chars=$(awk -v s="$sum_chars" -v x="$chars" 'BEGIN { print s + x }')
done
n=$((runs * ${#pairs[@]}))
mean_ms() { awk -v s="$1" -v n="$n" 'BEGIN { printf "%.2f", s / n * 1000 }'; }
printf '%-42s %9s ms %9s ms %7s %9s ms %7s\n' "mean CPU per call (user + sys)" "$(mean_ms "$sum_notice")" \
  "$(mean_ms "$sum_git")" "$(ratio "$sum_notice" "$sum_git")" "$(mean_ms "$sum_chars")" "$(ratio "$sum_notice" "$sum_chars")"
