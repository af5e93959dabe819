#!/usr/bin/env bash
# Renders `notice diff --format html` in headless chromium with the network off: the page must
# load offline, its summary table must hold the expected rows (read from the DOM), and a
# screenshot is written for people to look at.
#   html_browser_test.sh NOTICE_BINARY SOURCE_DIR SCREENSHOT_DIR
set -euo pipefail
notice=$1 source=$2 shots=$3
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium is not installed (scripts/install-deps.sh --test installs it)"; exit 1
fi
mkdir -p "$shots"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$notice" diff --format html -o "$work/diff.html" \
  "$source/corpus/text/2021-shanxi-jjzc30.txt" "$source/corpus/text/2026-shanxi-jjzc53.txt"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --proxy-server=127.0.0.1:9 --user-data-dir="$work/profile")
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$work/diff.html" > "$work/dom.html" 2>/dev/null
fail=0
check() { if grep -q "$1" "$work/dom.html"; then echo "ok: $2"; else echo "MISSING: $2"; fail=1; fi; }
check '<table id="summary"' "summary table"
check 'data-path="/themes"' "theme change row"
check 'data-path="/issuer_count"' "issuer count row"
check '一技在手，一生无忧' "new theme text"
check '<table id="roles"' "roles table"
check 'data-path="/issuers"' "issuers row"
check '1 changed, 1 added' "themes: one changed, one added"
rows=$(grep -o '<tr data-path=' "$work/dom.html" | wc -l)
echo "summary rows (one per key): $rows"
[ "$rows" -ge 10 ] || { echo "too few summary rows"; fail=1; }
timeout 120 "$browser" "${flags[@]}" --window-size=412,1600 --screenshot="$shots/diff-phone.png" "file://$work/diff.html" \
  >/dev/null 2>&1
timeout 120 "$browser" "${flags[@]}" --window-size=1280,1600 --screenshot="$shots/diff-desktop.png" "file://$work/diff.html" \
  >/dev/null 2>&1
[ -s "$shots/diff-phone.png" ] && echo "screenshot: $shots/diff-phone.png" || { echo "no screenshot"; fail=1; }
exit $fail
