#!/usr/bin/env bash
# The checking build: everything compiled by clang with AddressSanitizer + UBSan (leaks on) and
# libFuzzer coverage, assertions on (build type Check: -O1 -g, no NDEBUG), in build-check/.
# Runs the whole test suite under the sanitizers, then each fuzz target (tests/fuzz/) for a short
# fixed time from seeds out of corpus/ (FUZZ_SECONDS each, default 10). Exits non-zero on any
# failure: a test, a sanitizer report, a leak, an input that breaks a fuzz target's invariants.
#
#   bash scripts/check.sh                 what .ci/run runs (after scripts/test.sh)
#   bash scripts/check.sh --fuzz-only     the fuzz runs alone, on the build already there
#
# The long campaign (each target in turn, FUZZ_JOBS processes each, going on past a crash; the
# corpus grows in build-check/fuzz-corpus/TARGET and is kept between runs):
#   FUZZ_SECONDS=3600 FUZZ_JOBS=1 nice -n 19 bash scripts/check.sh --campaign
# Inputs that break a target are written to build-check/fuzz-crashes/TARGET/; to replay one:
#   build-check/bin/fuzz_text build-check/fuzz-crashes/fuzz_text/crash-…
# NOTICE_CHECK_CMAKE_ARGS passes more options to cmake (-DCMAKE_CXX_COMPILER_LAUNCHER=ccache).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
bash scripts/install-deps.sh --check
build="${NOTICE_CHECK_DIR:-build-check}"
seconds="${FUZZ_SECONDS:-10}"
jobs="${FUZZ_JOBS:-1}"
mode="${1:-all}"
case "$mode" in all | --fuzz-only | --campaign) ;; *) echo "check.sh: unknown option $mode" >&2; exit 2 ;; esac

# shellcheck disable=SC2086  # NOTICE_CHECK_CMAKE_ARGS is a list of options
CXX=clang++ CC=clang cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Check -DNOTICE_SANITIZE=ON -DNOTICE_FUZZ=ON \
  -DNOTICE_BUILD_TESTS=ON ${NOTICE_CHECK_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j"$(nproc)"

# Leaks: ours must be fixed; third-party ones are suppressed by name in tests/fuzz/lsan.supp.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

if [ "$mode" = all ]; then
  # Tesseract reads each page image once in this run; the tests that read the same scans share
  # its readings (engine/ocr/ocr_cache.h). Emptied first, so every reading is this build's.
  rm -rf "$build/ocr-cache"
  NOTICE_OCR_CACHE="$root/$build/ocr-cache" bash scripts/with-postgres.sh ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 1800
fi

# Seeds per target, assembled from the corpus (and tiny hand-written records, which find what
# full-size seeds do not).
seeds="$build/fuzz-seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{text,pdf,html,package,record,grammar,archive}
cp corpus/text/*.txt corpus/real/web/*.txt tests/data/*.txt "$seeds/text/"
cp corpus/pdf/*.pdf "$seeds/pdf/"
if command -v qpdf >/dev/null; then  # uncompressed content streams: mutations reach the text operators
  for f in corpus/pdf/*.pdf; do qpdf --qdf --object-streams=disable "$f" "$seeds/pdf/qdf-$(basename "$f")" || true; done
fi
cp corpus/real/html/*.html "$seeds/html/"
find corpus tests/data \( -name '*.ofd' -o -name '*.docx' \) -exec cp {} "$seeds/package/" \;
cp tests/fuzz/seeds/records/*.json "$seeds/record/"
"$build/bin/notice" parse -o "$seeds/record" corpus/text/*.txt corpus/real/html/g0*.html >/dev/null
i=0
for f in grammars/*; do printf "\\x$(printf %02x $i)" | cat - "$f" > "$seeds/grammar/$(basename "$f")"; i=$((i + 1)); done
cp corpus/text/*.txt corpus/real/html/g0*.html "$seeds/archive/"

status=0
run() {  # target seed-folder dictionary max-len
  local target=$1 crashes="$build/fuzz-crashes/$1" corpus
  mkdir -p "$crashes"
  if [ "$mode" = --campaign ]; then
    corpus="$build/fuzz-corpus/$target"
    mkdir -p "$corpus"
    set -- "$@" -fork="$jobs" -ignore_crashes=1
  else
    corpus="$(mktemp -d)"
  fi
  echo "fuzz: $target from $2 seeds, ${seconds}s"
  local start=$SECONDS
  "$build/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3000 -max_len="$4" \
    ${3:+-dict="$3"} -artifact_prefix="$crashes/" -print_final_stats=1 "${@:5}" "$corpus" "$seeds/$2" \
    > "$build/fuzz-$target.log" 2>&1 || true
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|invariant broken)|ERROR: libFuzzer" \
    "$build/fuzz-$target.log" | sort | uniq -c | sed "s/^/  /" || true
  echo "  $((SECONDS - start))s wall; log $build/fuzz-$target.log"
  [ "$mode" = --campaign ] || rm -rf "$corpus"
  if ls "$crashes" | grep -q .; then
    echo "fuzz: $target found inputs that break it: $crashes" >&2
    status=1
  fi
}
run fuzz_text text tests/fuzz/dict/text.dict 65536
run fuzz_pdf pdf tests/fuzz/dict/pdf.dict 409600
run fuzz_html html tests/fuzz/dict/html.dict 262144
run fuzz_package package tests/fuzz/dict/package.dict 262144
run fuzz_record record tests/fuzz/dict/record.dict 65536
run fuzz_stored record tests/fuzz/dict/record.dict 65536
run fuzz_grammar grammar "" 65536
run fuzz_archive archive tests/fuzz/dict/text.dict 65536
exit $status
