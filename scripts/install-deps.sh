#!/usr/bin/env bash
# Installs what the project needs from Debian 12's packages: as root directly, otherwise with
# sudo. Installs only what is missing; safe to run again.
#   scripts/install-deps.sh           build and run
#   scripts/install-deps.sh --test    also what the tests need
#   scripts/install-deps.sh --check   also clang, its sanitizer/libFuzzer runtimes and llvm (the
#                                     symbolizer of sanitizer reports) for scripts/check.sh
#   scripts/install-deps.sh --bench   also the peers and timers bench/ runs against
set -euo pipefail

# Build and run: the compiler, ICU, poppler (PDF), RE2, JSON (nlohmann; simdjson, which reads
# records fast), Nettle (SHA-256), libxml2 (web pages), Tesseract with its Chinese data (OCR),
# libzip + pugixml (OFD, Word), SQLite and libpq
# (the archive in a file or on a PostgreSQL server); lld, the faster linker, when it is there.
packages=(g++ lld cmake make pkg-config libicu-dev libpoppler-cpp-dev poppler-data libre2-dev
          nlohmann-json3-dev libsimdjson-dev nettle-dev libxml2-dev libtesseract-dev libleptonica-dev tesseract-ocr
          tesseract-ocr-chi-sim libzip-dev libpugixml-dev libsqlite3-dev libpq-dev)
for option in "$@"; do
  case "$option" in
    --test) packages+=(libgtest-dev libgmock-dev poppler-utils qpdf python3 python3-jsonschema
                       chromium fonts-wqy-microhei zip unzip postgresql postgresql-contrib
                       dpkg-dev file groff-base) ;;  # the install test: cpack's .deb, the manual
    --check) packages+=(clang libclang-rt-14-dev llvm libgtest-dev libgmock-dev qpdf poppler-utils python3
                        python3-jsonschema chromium fonts-wqy-microhei zip unzip dpkg-dev file groff-base
                        postgresql postgresql-contrib) ;;
    --bench) packages+=(poppler-utils git time bc hyperfine python3 postgresql postgresql-contrib) ;;
    *) echo "install-deps: unknown option $option (use --test, --check, --bench)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
