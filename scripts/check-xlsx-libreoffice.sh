#!/usr/bin/env bash
# Checks that the workbooks `taizhang export` writes open cleanly in an
# office suite: builds taizhang, exports the overdue list and the procedure
# ledger of a sample ledger as .xlsx, converts them with LibreOffice headless
# (as a clerk's WPS or Excel would open them) back to CSV, and checks that
# the Chinese text and the dates survived. Installs the Debian package
# libreoffice-calc if `soffice` is missing. Not run by `cargo test`.
#
# Usage: scripts/check-xlsx-libreoffice.sh

set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)

if ! command -v soffice >/dev/null 2>&1; then
    echo "soffice not found; installing libreoffice-calc" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends libreoffice-calc
fi

cargo build --quiet --manifest-path "$repo/Cargo.toml"
tz="$repo/target/debug/taizhang"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ledger="$work/ledger"
mkdir "$ledger"
export TAIZHANG_LEDGER="$ledger"
unset TAIZHANG_TODAY

"$tz" init "$ledger" --name 测试台账 --region 410927 --lang zh >/dev/null
"$tz" open shengrun --name 河南盛润年产2万吨对苯二酚项目 --type 化工 \
    --township 侯庙镇 --planned-start 2024-06-30 --today 2024-03-01 >/dev/null
"$tz" tick shengrun 环评批复 --doc '濮环审〔2024〕12号' --note '=1+1 不是公式' \
    --today 2024-04-01 >/dev/null

"$tz" export overdue --output "$work/overdue.xlsx" --today 2024-12-01
"$tz" export procedures --output "$work/procedures.xlsx" --today 2024-12-01

# A private profile, so a clerk's own LibreOffice settings are not touched.
profile="file://$work/profile"
for f in overdue procedures; do
    # 44 = comma, 34 = double quote, 76 = UTF-8.
    soffice -env:UserInstallation="$profile" --headless \
        --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' \
        --outdir "$work" "$work/$f.xlsx" >/dev/null
done

fail=0
expect() {
    local file=$1 text=$2
    if grep -qF -- "$text" "$work/$file.csv"; then
        echo "ok: $file.csv has $text"
    else
        echo "FAIL: $file.csv lacks $text" >&2
        fail=1
    fi
}
expect overdue 逾期天数
expect overdue 河南盛润年产2万吨对苯二酚项目
expect overdue '督导服务专班 (县委县政府督查服务中心)'
expect overdue 2024-03-29
expect overdue 未按期开工
expect procedures 濮环审〔2024〕12号
expect procedures '=1+1 不是公式'
expect procedures 2024-04-01

if [ "$fail" -ne 0 ]; then
    echo "--- overdue.csv" >&2; cat "$work/overdue.csv" >&2
    echo "--- procedures.csv" >&2; cat "$work/procedures.csv" >&2
    exit 1
fi
echo "LibreOffice read both workbooks with their Chinese text and dates intact."
