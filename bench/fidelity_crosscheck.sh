#!/usr/bin/env bash
# Checks the C++ scorer (tests/support/score.cc, used by bench/fidelity and the real-set tests)
# against the Python one it mirrors: every set's notices parsed by `notice parse -o`, those
# records scored by score.py and by `fidelity --records`, F per notice, per field and overall
# compared to 3 decimals; then fidelity's own in-process parse against the same figures (it must
# read each notice as the command does). Exits 1 on any difference.
#
#   bash bench/fidelity_crosscheck.sh PATH/TO/score.py     (NOTICE_BUILD_DIR picks the build, default build)
set -euo pipefail
cd "$(dirname "$0")/.."
score_py="${1:?usage: bash bench/fidelity_crosscheck.sh PATH/TO/score.py}"
build="${NOTICE_BUILD_DIR:-build}"
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target notice fidelity >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$build/bin/fidelity" --list > "$work/list"
while IFS=$'\t' read -r set stem input label; do
  mkdir -p "$work/records/$set" "$work/labels/$set"
  ln -s "$label" "$work/labels/$set/$stem.json"
  printf '%s\n' "$input" >> "$work/$set.inputs"
done < "$work/list"

: > "$work/python.tsv"
for inputs in "$work"/*.inputs; do
  set="$(basename "$inputs" .inputs)"
  xargs -d '\n' "$build/bin/notice" parse -o "$work/records/$set" < "$inputs" >/dev/null 2>&1 || true
  python3 "$score_py" "$work/labels/$set" "$work/records/$set" |
    awk -v set="$set" '/^[^ ]+\.json: [0-9.]+ over / { print set "\t" substr($1, 1, length($1) - 1) "\t" $2 }
                       /^  [a-z_]+ +[0-9.]+$/ { print set "\t" $1 "\t" $2 }
                       /^overall F / { print set "\toverall\t" $3 }' |
    sort >> "$work/python.tsv"
done
"$build/bin/fidelity" --records "$work/records" --tsv | sort > "$work/cpp.tsv"
"$build/bin/fidelity" --tsv | sort > "$work/inprocess.tsv"
sort -o "$work/python.tsv" "$work/python.tsv"
diff -u --label score.py --label "fidelity --records" "$work/python.tsv" "$work/cpp.tsv"
diff -u --label "notice parse + score.py" --label "fidelity (in-process parse)" "$work/python.tsv" "$work/inprocess.tsv"
echo "score.py and the C++ scorer agree on $(wc -l < "$work/cpp.tsv") figures over $(wc -l < "$work/list") notices"
