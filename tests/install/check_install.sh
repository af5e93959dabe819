#!/usr/bin/env bash
# The installed tool runs on its own (issue 12, item 5). From a finished build:
#   1. `cmake --install` into a staging folder (DESTDIR, prefix /usr): the command, its grammars
#      and schemas, the manual (which must format without a warning) and the bash completion;
#   2. the staged notice run from another folder with NOTICE_GRAMMARS unset and the source and
#      build trees hidden (a private mount namespace lays an empty tmpfs over each; where
#      namespaces are not allowed, the check falls back to the grammar folder the program
#      reports, which must be the staged one): `--version` names the staged grammars, and a
#      sample text export and PDF parse to records whose key fields are their label's;
#   3. the .deb from cpack: its files, its dependencies (each a Debian package installed on this
#      Debian 12 system), unpacked by dpkg into an empty root (`dpkg --root --unpack`), and that
#      notice run as in 2.
#   bash tests/install/check_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd) source=$(cd "$2" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/notice-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "check_install: FAIL: $*" >&2; exit 1; }
case "$tmp/" in "$build"/* | "$source"/*) fail "the temporary folder $tmp is inside the trees it must hide" ;; esac
sample=2026-shanxi-jjzc53
cp "$source/corpus/text/$sample.txt" "$source/corpus/pdf/$sample.pdf" "$source/corpus/labels/$sample.json" "$tmp/"
cp "$source/corpus/real/html/h05_anhui-fgw-2022-xiaofei.html" "$tmp/notice.html"
mkdir "$tmp/elsewhere"

# --- 1. cmake --install -------------------------------------------------------------------
DESTDIR="$tmp/stage" cmake --install "$build" --prefix /usr >/dev/null
prefix=$tmp/stage/usr
for f in bin/notice lib/notice/notice-pdf.so lib/notice/notice-html.so lib/notice/notice-package.so lib/notice/notice-pg.so lib/notice/notice-sqlite.so share/notice/schema/notice-1.schema.json share/man/man1/notice.1.gz \
         share/bash-completion/completions/notice; do
  [ -f "$prefix/$f" ] || fail "cmake --install did not put $f under the prefix"
done
[ "$(ls "$prefix/share/notice/grammars")" = "$(ls "$source/grammars")" ] ||
  fail "share/notice/grammars does not hold the source tree's rule files"
warnings=$(zcat "$prefix/share/man/man1/notice.1.gz" | LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww -z 2>&1) || true
[ -z "$warnings" ] || fail "the manual does not format cleanly: $warnings"

# Runs a command with cwd elsewhere, NOTICE_GRAMMARS unset and both trees hidden where a mount
# namespace can be made (the build tree first: it may be inside the source tree).
mkdir "$tmp/probe"
if unshare --mount --propagation private sh -c 'mount -t tmpfs none "$0"' "$tmp/probe" 2>/dev/null; then
  hidden=yes
  isolated() {
    (cd "$tmp/elsewhere" && env -u NOTICE_GRAMMARS unshare --mount --propagation private sh -c \
      'mount -t tmpfs none "$1" && mount -t tmpfs none "$2" && shift 2 && exec "$@"' sh "$build" "$source" "$@")
  }
else
  hidden=no
  isolated() { (cd "$tmp/elsewhere" && env -u NOTICE_GRAMMARS "$@"); }
fi

# The key fields of a record against its label.
same_as_label() { python3 "$source/tests/install/same_as_label.py" "$1" "$2"; }

# notice under ROOT (a prefix /usr) finds its own grammars and reads the sample as labelled.
check_runs() {
  local root=$1 what=$2 version
  version=$(isolated "$root/usr/bin/notice" --version) || fail "$what: notice --version failed"
  grep -qx "notice [0-9.]*" <<<"${version%%$'\n'*}" || fail "$what: --version says $version"
  grep -qx "record schema notice/1" <<<"$version" || fail "$what: --version names no record schema: $version"
  grep -qx "grammars $root/usr/share/notice/grammars (installed)" <<<"$version" ||
    fail "$what: not its own grammars: $version"
  if [ $hidden = yes ]; then
    isolated sh -c 'test ! -e "$0/CMakeCache.txt" && test ! -e "$1/grammars"' "$build" "$source" ||
      fail "the trees are not hidden"
  fi
  for input in "$tmp/$sample.txt" "$tmp/$sample.pdf"; do
    isolated "$root/usr/bin/notice" parse "$input" >"$tmp/record.json" || fail "$what: parse $input failed"
    same_as_label "$tmp/record.json" "$tmp/$sample.json" || fail "$what: $input"
  done
  # A saved web page, through the HTML module.
  isolated "$root/usr/bin/notice" parse "$tmp/notice.html" >"$tmp/record.json" || fail "$what: parse of a web page failed"
  grep -q '"issue_date": "2022-01-26"' "$tmp/record.json" || fail "$what: the web page is not read: $(head -c 300 "$tmp/record.json")"
  # The PostgreSQL archive's module is found beside the program: what fails is the connection
  # to a port where no server listens, not the loading.
  local refused
  refused=$(isolated "$root/usr/bin/notice" list --archive postgresql://nobody@127.0.0.1:9/none 2>&1) &&
    fail "$what: list on a server that is not there succeeded"
  grep -q "cannot connect to the archive postgresql://nobody@127.0.0.1:9/none" <<<"$refused" ||
    fail "$what: the PostgreSQL module did not load: $refused"
}
check_runs "$tmp/stage" "cmake --install"

# Without one of its modules, the installed notice refuses what the module reads (exit 1) with a
# message naming it, and reads text all the same: a module is loaded only when first needed.
without_module() {  # module input message
  local refused
  mv "$prefix/lib/notice/$1" "$tmp/$1.aside"
  if refused=$(isolated "$prefix/bin/notice" parse "$2" 2>&1); then fail "$2 parsed with $1 gone"; fi
  grep -q "$3" <<<"$refused" || fail "without $1, $2 says: $refused"
  isolated "$prefix/bin/notice" parse "$tmp/$sample.txt" >/dev/null || fail "without $1, text does not parse"
  mv "$tmp/$1.aside" "$prefix/lib/notice/$1"
  isolated "$prefix/bin/notice" parse "$2" >/dev/null || fail "$2 does not parse through $1"
}
cp "$source/corpus/real/ofd/o01_luqiao-2011-weisheng-pifu.ofd" "$tmp/notice.ofd"
without_module notice-package.so "$tmp/notice.ofd" \
  "cannot read OFD or Word .docx files: the module notice-package.so is not installed"
without_module notice-html.so "$tmp/notice.html" "cannot read web pages: the module notice-html.so is not installed"

# --- 3. the .deb --------------------------------------------------------------------------
(cd "$tmp" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1) ||
  fail "cpack: $(tail -5 "$tmp/cpack.log")"
deb=$(ls "$tmp"/pkg/notice_*.deb)
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for f in ./usr/bin/notice ./usr/lib/notice/notice-pdf.so ./usr/lib/notice/notice-html.so ./usr/lib/notice/notice-package.so ./usr/lib/notice/notice-pg.so ./usr/lib/notice/notice-sqlite.so ./usr/share/notice/grammars/structure.re2 ./usr/share/notice/schema/notice-1.schema.json \
         ./usr/share/man/man1/notice.1.gz ./usr/share/bash-completion/completions/notice; do
  grep -qx "$f" <<<"$contents" || fail "the .deb lacks $f"
done
depends=$(dpkg-deb -f "$deb" Depends)
[ -n "$depends" ] || fail "the .deb lists no dependencies"
for dep in libpoppler-cpp0v5 libpq5; do  # the modules' own
  grep -q "$dep" <<<"$depends" || fail "the .deb does not depend on $dep: $depends"
done
for dep in $(tr ',' '\n' <<<"$depends" | sed 's/(.*)//; s/|.*//' | tr -d ' '); do
  dpkg-query -W -f='${Status}\n' "$dep" 2>/dev/null | grep -q "ok installed" ||
    fail "the .deb depends on $dep, which is no package installed here"
done
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
# --unpack: dpkg's install without the configure step, whose postinst (CPack's ldconfig call for
# the module under lib/) cannot run in a root with no shell.
dpkg --root="$root" --force-depends --force-not-root --log=/dev/null --unpack "$deb" >"$tmp/dpkg.log" 2>&1 ||
  fail "dpkg --unpack --root: $(tail -5 "$tmp/dpkg.log")"
dpkg --root="$root" -L notice | grep -qx /usr/bin/notice || fail "dpkg --root does not list notice's files"
check_runs "$root" ".deb"
echo "check_install: ok (trees hidden: $hidden; .deb $(basename "$deb"), Depends: $depends)"
