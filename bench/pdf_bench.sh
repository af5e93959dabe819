#!/usr/bin/env bash
# Speed and memory of `notice parse` on the sample PDFs, against poppler's own
# `pdftotext -layout` on the same files in the same run; then the time of each stage for one
# notice. Needs a built build/bin/notice (scripts/build.sh) and poppler-utils; uses hyperfine
# when installed, else a timed loop.
#   bash bench/pdf_bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
notice=build/bin/notice
files=(corpus/pdf/*.pdf)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

ours="$notice parse -o $out/records ${files[*]}"
peer="for f in ${files[*]}; do pdftotext -layout \"\$f\" $out/peer.txt; done"

if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs "$runs" --export-json "$out/h.json" -N "$ours" >/dev/null 2>&1 || \
    hyperfine --warmup 2 --runs "$runs" --export-json "$out/h.json" "$ours" >/dev/null
  hyperfine --warmup 2 --runs "$runs" --export-json "$out/p.json" "bash -c '$peer'" >/dev/null
  mean() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }
  t_ours=$(mean "$out/h.json"); t_peer=$(mean "$out/p.json")
else
  t() { local s e; s=$(date +%s.%N); for _ in $(seq "$runs"); do bash -c "$1" >/dev/null; done; e=$(date +%s.%N);
        echo "($e - $s) / $runs" | bc -l; }
  t_ours=$(t "$ours"); t_peer=$(t "$peer")
fi

peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
m_ours=$(peak $notice parse -o "$out/records" "${files[@]}")
m_peer=0
for f in "${files[@]}"; do
  m=$(peak pdftotext -layout "$f" "$out/peer.txt"); [ "$m" -gt "$m_peer" ] && m_peer=$m
done
pages=0
for f in "${files[@]}"; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done

printf 'files: %d PDFs, %d pages\n' "${#files[@]}" "$pages"
printf 'notice parse        %8.1f ms  peak %6d KiB\n' "$(echo "$t_ours * 1000" | bc -l)" "$m_ours"
printf 'pdftotext -layout   %8.1f ms  peak %6d KiB (largest single run)\n' "$(echo "$t_peer * 1000" | bc -l)" "$m_peer"
printf 'ratio (time)        %8.2fx\n' "$(echo "$t_ours / $t_peer" | bc -l)"
echo "stages for one notice (corpus/pdf/2026-shanxi-jjzc53.pdf):"
$notice parse --timings corpus/pdf/2026-shanxi-jjzc53.pdf 2>&1 >/dev/null | sed 's/^/  /'
