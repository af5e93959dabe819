#!/usr/bin/env bash
# The fidelity scoreboard: builds bench/fidelity if needed, parses every labelled notice of the
# corpus (the samples, text and PDF; the real set: web texts, PDFs with a text layer, scans and
# garbled PDFs, saved HTML pages, the OFD) and prints, per set, F per field and overall F, scored
# as tools/score.py scores. Options go to the program (--verbose, --set NAME,
# --update-known-misses, --help).
#
#   bash bench/fidelity.sh [OPTIONS]      NOTICE_BUILD_DIR picks the build (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${NOTICE_BUILD_DIR:-build}"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
if ! log="$(cmake --build "$build" -j"$(nproc)" --target fidelity 2>&1)"; then
  printf '%s\n' "$log" >&2
  exit 1
fi
exec "$build/bin/fidelity" --source "$PWD" "$@"
