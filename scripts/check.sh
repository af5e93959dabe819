#!/usr/bin/env bash
# The checking build: everything compiled by clang with AddressSanitizer + UBSan (leaks on) and
# libFuzzer coverage, assertions on (build type Check: -O1 -g, no NDEBUG), in build-check/.
# Runs the whole test suite under the sanitizers, then each fuzz target for a short fixed time
# from seeds out of corpus/ (FUZZ_SECONDS each, default 20). Exits non-zero on any failure.
#
#   bash scripts/check.sh                 what .ci/run runs
#   FUZZ_SECONDS=3600 FUZZ_JOBS=2 bash scripts/check.sh --fuzz-only    the long campaign
# Crashes are written to build-check/fuzz-crashes/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
bash scripts/install-deps.sh --check
build="${NOTICE_CHECK_DIR:-build-check}"
seconds="${FUZZ_SECONDS:-20}"
jobs="${FUZZ_JOBS:-1}"
fuzz_only=0
[ "${1:-}" = "--fuzz-only" ] && fuzz_only=1

CXX=clang++ CC=clang cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Check -DNOTICE_SANITIZE=ON -DNOTICE_FUZZ=ON \
  -DNOTICE_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j"$(nproc)"

# Leaks: ours must be fixed; fontconfig's (through poppler's font loading) is suppressed by name.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

if [ "$fuzz_only" -eq 0 ]; then
  ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 600
fi

# Seeds per target, assembled from the corpus (and tiny hand-written records, which find what
# full-size seeds do not).
seeds="$build/fuzz-seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{text,pdf,html,zip,record,grammar}
cp corpus/text/*.txt corpus/real/web/*.txt "$seeds/text/"
cp corpus/pdf/*.pdf "$seeds/pdf/"
if command -v qpdf >/dev/null; then
  for f in corpus/pdf/*.pdf; do qpdf --qdf --object-streams=disable "$f" "$seeds/pdf/qdf-$(basename "$f")" || true; done
fi
cp corpus/real/html/*.html "$seeds/html/" 2>/dev/null || true
find corpus tests/data -name '*.ofd' -o -name '*.docx' 2>/dev/null | while read -r f; do cp "$f" "$seeds/zip/"; done
cp tests/fuzz/seeds/records/*.json "$seeds/record/"
"$build/bin/notice" parse -o "$seeds/record" corpus/text/*.txt >/dev/null
i=0
for f in grammars/*; do printf "\\x$(printf %02x $i)" | cat - "$f" > "$seeds/grammar/$(basename "$f")"; i=$((i + 1)); done

run() {  # target seed-folder dictionary max-len
  local crashes="$build/fuzz-crashes/$1-$2"
  mkdir -p "$crashes"
  echo "fuzz: $1 from $2 seeds, ${seconds}s"
  "$build/bin/$1" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3000 -max_len="$4" \
    -jobs="$jobs" -workers="$jobs" ${3:+-dict="$3"} -artifact_prefix="$crashes/" -print_final_stats=1 \
    "$seeds/$2" 2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY|invariant)" || true
  if ls "$crashes" | grep -q .; then
    echo "fuzz: $1 found inputs that fail: $crashes" >&2
    return 1
  fi
}
status=0
run fuzz_parse text tests/fuzz/dict/text.dict 65536 || status=1
run fuzz_parse pdf tests/fuzz/dict/pdf.dict 409600 || status=1
run fuzz_parse html tests/fuzz/dict/html.dict 262144 || status=1
[ -n "$(ls "$seeds/zip")" ] && { run fuzz_parse zip "" 262144 || status=1; }
run fuzz_record record tests/fuzz/dict/record.dict 65536 || status=1
run fuzz_grammar grammar "" 65536 || status=1
exit $status
