#!/usr/bin/env bash
# The main job: installs what is missing, builds, and parses every bundled sample notice (text
# exports and PDFs), writing one record per notice to out/records/<format>/ and printing a
# short summary of each. Then shows how the scanned sample is refused.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh -DNOTICE_BUILD_TESTS=OFF
status=0
for format in text pdf; do
  echo "== corpus/$format"
  build/bin/notice parse corpus/"$format"/* -o out/records/"$format" || status=$?
done
echo "== corpus/pdf-scanned (image-only: expected to be refused with exit code 3)"
build/bin/notice parse corpus/pdf-scanned/*.pdf -o out/records/scanned || echo "exit code $?"
exit $status
