#!/bin/sh
# Converts a Word bulletin (简报) to PDF with LibreOffice headless, renders
# its first page to PNG with pdftoppm, and checks that both are real: a PDF
# of A4 pages and a non-blank PNG. Not part of `cargo test` (it needs
# LibreOffice); run it by hand or in CI:
#
#   scripts/check-bulletin-docx.sh [BULLETIN.docx]
#
# Without an argument it builds the November 2024 bulletin of the demo
# ledger (`report bulletin --month 2024-11 --format docx`) and checks that.
# Installs Debian's libreoffice-writer, poppler-utils and fonts-noto-cjk
# when LibreOffice is missing (needs root or sudo). Set KEEP_PNG=FILE.png
# (and KEEP_PDF=FILE.pdf) to keep the page image, e.g. for docs/img/.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

docx=${1:-}
if [ -z "$docx" ]; then
    tz=${TAIZHANG:-}
    if [ -z "$tz" ]; then
        (cd "$here" && cargo build --quiet) || { echo "error: cargo build failed" >&2; exit 1; }
        tz="$here/target/debug/taizhang"
    fi
    docx="$out/bulletin.docx"
    "$tz" -L "$here/ledgers/taiqian-2024" --today 2024-11-30 \
        report bulletin --month 2024-11 --format docx --output "$docx" >/dev/null
fi
[ -f "$docx" ] || { echo "error: no such file: $docx" >&2; exit 1; }

if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
    echo "LibreOffice or pdftoppm not found: installing Debian's packages" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        libreoffice-writer poppler-utils fonts-noto-cjk >/dev/null
fi

cp "$docx" "$out/in.docx"
# A profile of its own, so a running LibreOffice does not swallow the job.
soffice --headless -env:UserInstallation="file://$out/profile" \
    --convert-to pdf --outdir "$out" "$out/in.docx" >"$out/log" 2>&1 ||
    { cat "$out/log" >&2; echo "error: LibreOffice could not convert $docx" >&2; exit 1; }
pdf="$out/in.pdf"
[ -s "$pdf" ] || { cat "$out/log" >&2; echo "error: no PDF written" >&2; exit 1; }
# A4 is 595 x 842 points.
pdfinfo "$pdf" | grep -q "Page size: *595.* x 841.* pts\|Page size: *595.* x 842.* pts" ||
    { pdfinfo "$pdf" >&2; echo "error: the PDF is not A4" >&2; exit 1; }
pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
pdftoppm -png -r 80 -f 1 -l 1 "$pdf" "$out/page"
png=$(ls "$out"/page*.png | head -n 1)
magic=$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')
[ "$magic" = "89504e470d0a1a0a" ] || { echo "error: the page image is not a PNG" >&2; exit 1; }
size=$(wc -c <"$png")
# A blank A4 page at 80 dpi compresses to a few KB; the red masthead and
# the text make it far larger.
[ "$size" -gt 15000 ] || { echo "error: the first page looks blank ($size bytes)" >&2; exit 1; }
# The text survived the conversion: the title and the 期号 are in the PDF.
pdftotext "$pdf" - | grep -q "简报" || { echo "error: the PDF lacks the title" >&2; exit 1; }
pdftotext "$pdf" - | grep -q "第 *[0-9][0-9]* *期" || { echo "error: the PDF lacks the issue number" >&2; exit 1; }
if [ -n "${KEEP_PNG:-}" ]; then cp "$png" "$KEEP_PNG"; fi
if [ -n "${KEEP_PDF:-}" ]; then cp "$pdf" "$KEEP_PDF"; fi
echo "ok: $docx converted by LibreOffice, $pages A4 pages, first page $size bytes"
