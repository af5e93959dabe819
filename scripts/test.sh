#!/usr/bin/env bash
# Installs what is missing (with the test dependencies), builds everything and runs the whole
# test suite, the archive tests against both backends: SQLite files and a throwaway PostgreSQL
# server (scripts/with-postgres.sh). Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
# Line tables only (-g1): all a failing test's backtrace needs, and a quarter less build time
# than -g, most of CI's time.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
  -DNOTICE_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$(nproc)"
rm -rf build/ocr-cache  # Tesseract reads each page image once a run (engine/ocr/ocr_cache.h)
NOTICE_OCR_CACHE="$PWD/build/ocr-cache" bash scripts/with-postgres.sh ctest --test-dir build --output-on-failure -j"$(nproc)"
