#!/bin/sh
# Opens the HTML weekly bulletin in headless Chromium and checks that the
# screenshot is a real, non-blank PNG. Not part of `cargo test` (it needs
# Chromium); run it by hand or in CI:
#
#   scripts/check-bulletin-html.sh [BULLETIN.html]
#
# Without an argument it checks tests/expected/weekly-2024-w10.zh.html, the
# bulletin the integration tests regenerate byte for byte. Installs Debian's
# `chromium` package when no Chromium is found (needs root or sudo).
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
html=${1:-"$here/tests/expected/weekly-2024-w10.zh.html"}
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

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=1200,2400 --screenshot="$out/bulletin.png" "file://$abs" \
    >"$out/log" 2>&1 || { cat "$out/log" >&2; echo "error: $browser failed" >&2; exit 1; }

png="$out/bulletin.png"
[ -s "$png" ] || { echo "error: no screenshot written" >&2; exit 1; }
magic=$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')
[ "$magic" = "89504e470d0a1a0a" ] || { echo "error: the screenshot is not a PNG" >&2; exit 1; }
size=$(wc -c <"$png")
# A blank 1200×2400 page compresses to a few KB; text, tables and the bar
# chart make it far larger.
[ "$size" -gt 20000 ] || { echo "error: the screenshot looks blank ($size bytes)" >&2; exit 1; }
if [ -n "${KEEP_SCREENSHOT:-}" ]; then cp "$png" "$KEEP_SCREENSHOT"; fi
echo "ok: $html rendered by $browser, screenshot $size bytes"
