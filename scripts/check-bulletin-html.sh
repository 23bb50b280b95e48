#!/bin/sh
# Opens an HTML bulletin in headless Chromium at desktop width (1200 px)
# and at phone width (414 px) and checks that both screenshots are real,
# non-blank PNGs. Not part of `cargo test` (it needs Chromium); run it by
# hand or in CI:
#
#   scripts/check-bulletin-html.sh [BULLETIN.html]
#
# Without an argument it builds the November 2024 bulletin of the demo
# ledger (`report bulletin --month 2024-11 --format html`) and checks that;
# tests/expected/weekly-2024-w10.zh.html is the weekly one. Installs
# Debian's `chromium` package when no Chromium is found (needs root or
# sudo). Set KEEP_SCREENSHOT=FILE.png to keep the desktop screenshot and
# KEEP_PHONE=FILE.png the phone one (e.g. for docs/img/).
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

html=${1:-}
if [ -z "$html" ]; then
    tz=${TAIZHANG:-}
    if [ -z "$tz" ]; then
        (cd "$here" && cargo build --quiet) || { echo "error: cargo build failed" >&2; exit 1; }
        tz="$here/target/debug/taizhang"
    fi
    html="$out/bulletin.html"
    "$tz" -L "$here/ledgers/taiqian-2024" --today 2024-11-30 \
        report bulletin --month 2024-11 --format html >"$html"
fi
[ -f "$html" ] || { echo "error: no such file: $html" >&2; exit 1; }

browser=""
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
    echo "Chromium not found: installing Debian's chromium package" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
    browser=chromium
fi

abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
# shot NAME WIDTH HEIGHT MIN_BYTES
shot() {
    png="$out/$1.png"
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --user-data-dir="$out/profile" \
        --window-size="$2,$3" --screenshot="$png" "file://$abs" \
        >"$out/log" 2>&1 || { cat "$out/log" >&2; echo "error: $browser failed" >&2; exit 1; }
    [ -s "$png" ] || { echo "error: no $1 screenshot written" >&2; exit 1; }
    magic=$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')
    [ "$magic" = "89504e470d0a1a0a" ] || { echo "error: the $1 screenshot is not a PNG" >&2; exit 1; }
    size=$(wc -c <"$png")
    # A blank page compresses to a few KB; text, tables and the chart make
    # it far larger.
    [ "$size" -gt "$4" ] || { echo "error: the $1 screenshot looks blank ($size bytes)" >&2; exit 1; }
    echo "ok: $1 ($2 px wide), $size bytes"
}
shot desktop 1200 2400 20000
shot phone 414 1800 10000
if [ -n "${KEEP_SCREENSHOT:-}" ]; then cp "$out/desktop.png" "$KEEP_SCREENSHOT"; fi
if [ -n "${KEEP_PHONE:-}" ]; then cp "$out/phone.png" "$KEEP_PHONE"; fi
echo "ok: $html rendered by $browser"
