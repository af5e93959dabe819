#!/usr/bin/env bash
# OCR speed: the PDF source reading every page by OCR (bench/ocr/ocr_bench: render, Tesseract
# in parallel, lines) against the `tesseract` command on the same page images in the same run
# (pdftoppm at the resolution the source renders each page at, then `tesseract IMG - -l
# chi_sim` with OMP_THREAD_LIMIT=1, one process per page, nproc at a time). Prints pages/s of
# both and the ratio of our time to theirs (target: ≤ 1.1).
#   bash bench/ocr/ocr_bench.sh [PDF...]   default: the sample scan and the real scans w11–w15
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${NOTICE_BUILD_DIR:-build}"
if [ ! -f "$build/CMakeCache.txt" ]; then cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null; fi
cmake --build "$build" -j"$(nproc)" --target ocr_bench >/dev/null
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(corpus/pdf-scanned/*.pdf corpus/real/pdf/w1[135]_*.pdf)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The page images the tesseract command reads (not timed: our side renders inside its time).
n=0
while IFS=$'\t' read -r file page dpi; do
  n=$((n + 1))
  pdftoppm -gray -r "$dpi" -f "$page" -l "$page" -singlefile -png "$file" "$out/p$(printf %04d $n)"
done < <("$build/bin/ocr_bench" --dpi "${files[@]}")

ours=$("$build/bin/ocr_bench" --jobs "$(nproc)" "${files[@]}")
t_ours=$(cut -f3 <<<"$ours" | cut -d' ' -f1)
start=$(date +%s.%N)
ls "$out"/p*.png | OMP_THREAD_LIMIT=1 xargs -P "$(nproc)" -I{} tesseract {} - -l chi_sim >/dev/null 2>&1
end=$(date +%s.%N)
t_peer=$(echo "$end - $start" | bc -l)

printf 'pages: %d from %d PDFs, %d cores\n' "$n" "${#files[@]}" "$(nproc)"
printf 'ours (ocr_bench --jobs %d)       %7.2f s  %6.3f pages/s\n' "$(nproc)" "$t_ours" "$(echo "$n / $t_ours" | bc -l)"
printf 'tesseract -l chi_sim (xargs -P %d) %7.2f s  %6.3f pages/s\n' "$(nproc)" "$t_peer" "$(echo "$n / $t_peer" | bc -l)"
printf 'ratio (our time / theirs)        %7.2fx\n' "$(echo "$t_ours / $t_peer" | bc -l)"
