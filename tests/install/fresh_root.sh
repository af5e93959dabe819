#!/usr/bin/env bash
# The .deb on a fresh Debian 12 (issue 12, item 5): a minimal bookworm root made by debootstrap,
# where only what the package declares can be there. apt installs the .deb with the dependencies
# it names from Debian's archive; then, in that root (no source tree, no build tree, no compiler),
# notice --version names the installed grammars, a sample's text export and PDF parse to records
# whose key fields are their label's, and its scan (OCR: Tesseract and its Chinese model from the
# package's dependencies) and the corpus's OFD (the package module) to the very records the build
# tree's notice reads from them. Not run by CI: it downloads about 100 MB from
# deb.debian.org and needs root (chroot).
#   bash tests/install/fresh_root.sh BUILD_DIR SOURCE_DIR [ROOT]   (ROOT: a folder to make; default a temporary one)
set -euo pipefail
[ "$(id -u)" -eq 0 ] || { echo "fresh_root: needs root (debootstrap, chroot)" >&2; exit 2; }
build=$(cd "$1" && pwd) source=$(cd "$2" && pwd)
keep=${3:+yes}  # a ROOT given is kept, for a look inside
root=${3:-$(mktemp -d "${TMPDIR:-/tmp}/notice-fresh-root.XXXXXX")}
fail() { echo "fresh_root: FAIL: $*" >&2; exit 1; }
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
cleanup() { umount "$root/proc" 2>/dev/null || true; [ -n "$keep" ] || rm -rf "$root"; }
trap cleanup EXIT

[ -e "$root/etc/debian_version" ] && fail "$root already holds a system: give a new folder"
debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >"$root.debootstrap.log" 2>&1 ||
  fail "debootstrap failed (see $root.debootstrap.log)"
rm -f "$root.debootstrap.log"
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/notice_*_amd64.deb | head -1)
sample=2026-shanxi-jjzc53
mkdir -p "$root/tmp/in"
cp "$deb" "$root/tmp/"
cp "$source/corpus/text/$sample.txt" "$source/corpus/pdf/$sample.pdf" "$root/tmp/in/"
cp "$source/corpus/pdf-scanned/$sample-scan.pdf" "$root/tmp/in/$sample.scan.pdf"
ofd=$(basename "$(ls "$source"/corpus/real/ofd/*.ofd | head -1)")
cp "$source/corpus/real/ofd/$ofd" "$root/tmp/in/"
cp /etc/resolv.conf "$root/etc/"
mount -t proc proc "$root/proc"
in_root() { chroot "$root" env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=/root LANG=C.UTF-8 "$@"; }
in_root apt-get update -qq >/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "/tmp/$(basename "$deb")" >/dev/null ||
  fail "apt-get install of $(basename "$deb") failed"
for absent in g++ cmake python3; do
  ! in_root sh -c "command -v $absent" >/dev/null || fail "the fresh root has $absent: it is not bare"
done

version=$(in_root notice --version) || fail "notice --version failed"
grep -qx "grammars /usr/share/notice/grammars (installed)" <<<"$version" || fail "not its own grammars: $version"
for input in "$sample.txt" "$sample.pdf"; do
  in_root sh -c "cd /tmp && notice parse /tmp/in/$input > /tmp/record.json" || fail "parse $input failed"
  python3 "$source/tests/install/same_as_label.py" "$root/tmp/record.json" "$source/corpus/labels/$sample.json" ||
    fail "$input"
  echo "fresh_root: $input: the key fields are the label's"
done
for input in "$sample.scan.pdf" "$ofd"; do
  in_root sh -c "cd /tmp && notice parse /tmp/in/$input > /tmp/installed.json" || fail "parse $input failed"
  env -u NOTICE_OCR_CACHE "$build/bin/notice" parse "$root/tmp/in/$input" >"$root/tmp/built.json" 2>/dev/null ||
    fail "the build tree's notice did not parse $input"
  python3 - "$root/tmp/installed.json" "$root/tmp/built.json" <<'PY' || fail "$input"
import json, sys
installed, built = (json.load(open(p)) for p in sys.argv[1:3])
bad = sorted(k for k in set(installed) | set(built) if k != "source" and installed.get(k) != built.get(k))
if bad:
    sys.exit("the installed notice reads it unlike the build tree's: " + ", ".join(bad))
PY
  echo "fresh_root: $input: the same record as the build tree's reading"
done
echo "fresh_root: ok: $(basename "$deb") installed by apt on a debootstrap'd bookworm and ran there"
