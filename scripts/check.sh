#!/usr/bin/env bash
# The checking build: everything compiled by clang with AddressSanitizer + UBSan (leaks on) and
# libFuzzer coverage, assertions on (build type Check: -O0 with line tables, no NDEBUG), in
# build-check/.
# Runs the whole test suite under the sanitizers, then each fuzz target (tests/fuzz/) for a short
# fixed time from seeds out of corpus/ (FUZZ_SECONDS each, default 10). Exits non-zero on any
# failure: a test, a sanitizer report, a leak, an input that breaks a fuzz target's invariants.
#
#   bash scripts/check.sh                 what .ci/run runs (after scripts/test.sh)
#   bash scripts/check.sh --fuzz-only     the fuzz runs alone, on the build already there
#
# The long campaign: each target in turn until it has used FUZZ_CPU_SECONDS of CPU (default an
# hour; counted from the kernel's accounting of the fuzzer and its children, so a campaign at
# nice 19 on a busy machine still fuzzes each target for that long), FUZZ_JOBS processes each,
# going on past a crash, from a tree of its own built at -O1 (build-fuzz/: more inputs a second);
# the corpus grows in build-fuzz/fuzz-corpus/TARGET and is kept between runs, and each target's
# CPU seconds are added up in build-fuzz/fuzz-cpu-seconds.tsv.
# FUZZ_TARGETS="fuzz_text fuzz_pdf" runs some of them only:
#   FUZZ_JOBS=2 nice -n 19 bash scripts/check.sh --campaign
# Inputs that break a target are written to BUILD/fuzz-crashes/TARGET/; to replay one:
#   build-fuzz/bin/fuzz_text build-fuzz/fuzz-crashes/fuzz_text/crash-…
# NOTICE_CHECK_CMAKE_ARGS passes more options to cmake (-DCMAKE_CXX_COMPILER_LAUNCHER=ccache).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
bash scripts/install-deps.sh --check
seconds="${FUZZ_SECONDS:-10}"
jobs="${FUZZ_JOBS:-1}"
cpu_budget="${FUZZ_CPU_SECONDS:-3600}"
mode="${1:-all}"
case "$mode" in all | --fuzz-only | --campaign) ;; *) echo "check.sh: unknown option $mode" >&2; exit 2 ;; esac
if [ "$mode" = --campaign ]; then  # the fuzz targets and the CLI only (it makes seeds)
  build="${NOTICE_CHECK_DIR:-build-fuzz}"
  options=(-DCMAKE_CXX_FLAGS_CHECK="-O1 -gline-tables-only -fno-omit-frame-pointer" -DNOTICE_BUILD_TESTS=OFF)
else
  build="${NOTICE_CHECK_DIR:-build-check}"
  options=(-DNOTICE_BUILD_TESTS=ON)
fi

# shellcheck disable=SC2086  # NOTICE_CHECK_CMAKE_ARGS is a list of options
CXX=clang++ CC=clang cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Check -DNOTICE_SANITIZE=ON -DNOTICE_FUZZ=ON \
  "${options[@]}" ${NOTICE_CHECK_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j"$(nproc)"

# Leaks: ours must be fixed; third-party ones are suppressed by name in tests/fuzz/lsan.supp.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

if [ "$mode" = all ]; then
  # Tesseract reads each page image once in this run; the tests that read the same scans share
  # its readings (engine/ocr/ocr_cache.h). A cache given in NOTICE_OCR_CACHE is used as it is:
  # .ci/run passes the one scripts/test.sh filled a moment before, from the same Tesseract and
  # the same page images, so Tesseract (which is not instrumented) does not read every scan
  # again; the code around it is checked all the same. Otherwise the build's own, emptied first.
  cache="${NOTICE_OCR_CACHE:-}"
  if [ -z "$cache" ]; then
    cache="$root/$build/ocr-cache"
    rm -rf "$cache"
  fi
  NOTICE_OCR_CACHE="$cache" bash scripts/with-postgres.sh ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 1800
fi

# Seeds per target, assembled from the corpus (and tiny hand-written records, which find what
# full-size seeds do not).
seeds="$build/fuzz-seeds.$$"  # this run's own: campaigns of different targets may run at once
trap 'rm -rf "$seeds"' EXIT
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
# CPU seconds (user + sys) of a process and its descendants, those waited for and those alive
# (libFuzzer's fork mode runs each job through a shell).
descendants() {
  local child
  for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done
}
cpu_seconds() {
  local total=0 pid fields
  for pid in "$1" $(descendants "$1"); do
    fields=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    total=$((total + $(echo "$fields" | awk '{ print $12 + $13 + $14 + $15 }')))
  done
  echo $((total / $(getconf CLK_TCK)))
}
# Ends a campaign's fuzzer: asked first (SIGTERM: a process started with & ignores SIGINT), killed with the
# jobs it forked if it is still there half a minute later (in fork mode it can go on forking).
stop() {
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 30); do
    sleep 1
    kill -0 "$1" 2>/dev/null || return 0
  done
  local forked
  forked=$(descendants "$1")
  # shellcheck disable=SC2086  # a list of process ids
  kill -KILL "$1" $forked 2>/dev/null || true
}
run() {  # target seed-folder dictionary max-len
  local target=$1 crashes="$build/fuzz-crashes/$1" corpus
  if [ -n "${FUZZ_TARGETS:-}" ] && [[ " $FUZZ_TARGETS " != *" $target "* ]]; then return; fi
  mkdir -p "$crashes"
  local start=$SECONDS
  if [ "$mode" = --campaign ]; then
    corpus="$build/fuzz-corpus/$target"
    mkdir -p "$corpus"
    echo "fuzz: $target from $2 seeds and $(ls "$corpus" | wc -l) inputs of earlier runs, ${cpu_budget} CPU seconds"
    # A starved process at nice 19 can miss a wall-clock timeout that the input does not deserve:
    # the campaign allows a minute (and reports inputs as slow past it), and a real hang still
    # shows as one.
    "$build/bin/$target" -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -timeout=60 -report_slow_units=60 -rss_limit_mb=3000 \
      -max_len="$4" ${3:+-dict="$3"} -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" "$seeds/$2" \
      > "$build/fuzz-$target.log" 2>&1 &
    local pid=$! used=0
    while kill -0 "$pid" 2>/dev/null; do
      used=$(cpu_seconds "$pid")
      if [ "$used" -ge "$cpu_budget" ]; then
        stop "$pid"
        break
      fi
      sleep 10
    done
    wait "$pid" || true
    printf '%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$used" >> "$build/fuzz-cpu-seconds.tsv"
    echo "  $used CPU seconds; $(awk -F'\t' -v t="$target" '$2 == t { s += $3 } END { print s + 0 }' \
      "$build/fuzz-cpu-seconds.tsv") in all campaigns ($build/fuzz-cpu-seconds.tsv)"
  else
    corpus="$(mktemp -d)"
    echo "fuzz: $target from $2 seeds, ${seconds}s"
    "$build/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3000 -max_len="$4" \
      ${3:+-dict="$3"} -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" "$seeds/$2" \
      > "$build/fuzz-$target.log" 2>&1 || true
    rm -rf "$corpus"
  fi
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|invariant broken)|ERROR: libFuzzer" \
    "$build/fuzz-$target.log" | sort | uniq -c | sed "s/^/  /" || true
  echo "  $((SECONDS - start))s wall; log $build/fuzz-$target.log"
  if ls "$crashes" | grep -q .; then
    echo "fuzz: $target found inputs that break it: $crashes" >&2
    status=1
  fi
}
targets=(
  "fuzz_text text tests/fuzz/dict/text.dict 65536"
  "fuzz_pdf pdf tests/fuzz/dict/pdf.dict 409600"
  "fuzz_html html tests/fuzz/dict/html.dict 262144"
  "fuzz_package package tests/fuzz/dict/package.dict 262144"
  "fuzz_record record tests/fuzz/dict/record.dict 65536"
  "fuzz_stored record tests/fuzz/dict/record.dict 65536"
  "fuzz_grammar grammar '' 65536"
  "fuzz_archive archive tests/fuzz/dict/text.dict 65536"
)
if [ "$mode" = --campaign ]; then
  for t in "${targets[@]}"; do eval run "$t"; done
else
  # The short runs: as many targets at once as there are cores, each reported when its batch ends.
  batch=$(nproc)
  for ((i = 0; i < ${#targets[@]}; i += batch)); do
    for t in "${targets[@]:i:batch}"; do
      name=${t%% *}
      (eval run "$t") >"$build/fuzz-$name.summary" 2>&1 &
    done
    wait
    for t in "${targets[@]:i:batch}"; do cat "$build/fuzz-${t%% *}.summary"; done
  done
  for t in "${targets[@]}"; do
    if ls "$build/fuzz-crashes/${t%% *}" 2>/dev/null | grep -q .; then status=1; fi
  done
fi
exit $status
