#!/bin/sh
# The system programs Archivist uses beside its Python packages: Tesseract with the language data for the
# languages researchers' scans come in (OCR, issue 14), and PostgreSQL for team archives and their tests
# (issue 19). Installs what is missing with apt-get when it can (root on Debian/Ubuntu); otherwise prints
# the exact command. Missing programs never stop Archivist: a scan is kept "without text yet" and the
# PostgreSQL tests skip, each saying what to install.
# With --test, also what the test suite uses: Xvfb and openbox (whole sessions of the window under a real X
# server, tests/gui/test_sessions.py); they skip without them.
# Usage: scripts/system-packages.sh [--test]
set -u
TESTING=${1:-}
LANGS="eng ara fra rus fas ukr tur spa chi-sim osd"

tesseract_langs() { tesseract --list-langs 2>/dev/null | tail -n +2; }

missing_packages() {
    command -v tesseract >/dev/null 2>&1 || echo tesseract-ocr
    have=$(tesseract_langs | tr '_' '-')
    for lang in $LANGS; do
        echo "$have" | grep -qx "$lang" || echo "tesseract-ocr-$lang"
    done
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 \
        || echo postgresql
    # Arabic and Persian text in the window, and the Arabic page the OCR tests render
    fc-list 2>/dev/null | grep -q "Noto Naskh Arabic" || echo fonts-noto-core
    if [ "$TESTING" = --test ]; then
        command -v Xvfb >/dev/null 2>&1 || echo xvfb
        command -v openbox >/dev/null 2>&1 || echo openbox
    fi
}

packages=$(missing_packages | sort -u | tr '\n' ' ')
[ -z "$packages" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing the system packages Archivist uses: $packages"
    export DEBIAN_FRONTEND=noninteractive
    (apt-get install -y --no-install-recommends $packages \
        || { apt-get update -qq && apt-get install -y --no-install-recommends $packages; }) >/dev/null
    packages=$(missing_packages | sort -u | tr '\n' ' ')
    [ -z "$packages" ] && exit 0
fi
echo "Archivist uses system packages that are missing: $packages" >&2
echo "(OCR of scans needs Tesseract; team archives and their tests need PostgreSQL.)" >&2
echo "On Debian or Ubuntu, install them with:" >&2
echo "    sudo apt-get install $packages" >&2
exit 0
