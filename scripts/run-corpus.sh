#!/usr/bin/env bash
# The main job: installs what is missing, builds, and parses every bundled sample notice (text
# exports and PDFs), writing one record per notice to out/records/<format>/ and printing a
# short summary of each. Then reads the scanned sample by OCR, and compares the Shanxi
# series with Anhui (text table) and Shanxi 2021 with 2026 (out/diff-shanxi-2021-2026.html).
# Last, ingests the corpus into an archive (out/notices.db), searches it and compares a series.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh -DNOTICE_BUILD_TESTS=OFF
status=0
for format in text pdf; do
  echo "== corpus/$format"
  build/bin/notice parse corpus/"$format"/* -o out/records/"$format" || status=$?
done
echo "== corpus/pdf-scanned (image-only: read by OCR, Tesseract with its Chinese data)"
build/bin/notice parse corpus/pdf-scanned/*.pdf -o out/records/scanned || status=$?
# What the records are for: Shanxi's three years and Anhui side by side, and one diff as a page.
r=out/records/pdf
echo "== notice compare: Shanxi 2021, 2024, 2026 and Anhui 2026"
build/bin/notice compare $r/2021-shanxi-jjzc30.json $r/2024-shanxi-jjzc30.json $r/2026-shanxi-jjzc53.json \
  $r/2026-anhui-wjmzc23.json || status=$?
build/bin/notice diff --format html -o out/diff-shanxi-2021-2026.html $r/2021-shanxi-jjzc30.json \
  $r/2026-shanxi-jjzc53.json && echo "== notice diff, Shanxi 2021 → 2026: out/diff-shanxi-2021-2026.html" || status=$?
# The archive: the bundled corpus ingested into one SQLite file (out/notices.db, made afresh so that
# it holds this build's records), then one search and one series compared from it.
echo "== notice ingest: corpus/text, corpus/pdf and corpus/real into out/notices.db"
rm -f out/notices.db out/notices.db-wal out/notices.db-shm
build/bin/notice ingest --archive out/notices.db corpus/text corpus/pdf corpus/real/web corpus/real/html \
  corpus/real/pdf corpus/real/ofd || status=$?
echo "== notice search --archive out/notices.db 退役军人"
build/bin/notice search --archive out/notices.db --limit 5 退役军人 || status=$?
echo "== notice series, then notice compare --series 职业教育活动周 (from the archive)"
build/bin/notice series --archive out/notices.db || status=$?
build/bin/notice compare --archive out/notices.db --series 职业教育活动周 || status=$?
exit $status
