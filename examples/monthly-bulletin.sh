#!/bin/sh
# The monthly bulletin (月报), published on the 1st of each month by cron:
# last month's 简报 is kept in the ledger as a Word document under the next
# issue number of its year (bulletins/<year>-<no>.docx) and committed; with
# OUT_DIR, an HTML copy of the same issue is written there for the phone.
#
#   monthly-bulletin.sh LEDGER_DIR [YYYY-MM [OUT_DIR]]
#
# YYYY-MM defaults to last month. The ledger is counted as of the month's
# last day (--today), so a late run publishes the same bulletin. Running it
# again for a month already published fails, naming the file: an issue is
# never replaced.
#
# crontab line (the 1st of every month, 07:30):
#   30 7 1 * *  /opt/taizhang/examples/monthly-bulletin.sh /srv/ledgers/taiqian-2024
#
# Set TAIZHANG to the binary if it is not on PATH.
set -eu

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
    echo "usage: $0 LEDGER_DIR [YYYY-MM [OUT_DIR]]" >&2
    exit 2
fi
ledger=$1
month=${2:-$(date -d "$(date +%Y-%m-01) -1 day" +%Y-%m)}
tz=${TAIZHANG:-taizhang}
last=$(date -d "$month-01 +1 month -1 day" +%F) ||
    { echo "error: invalid month \"$month\": expected YYYY-MM" >&2; exit 1; }
today=$(date +%F)
asof=$last
if [ "$today" \< "$last" ]; then asof=$today; fi

"$tz" -L "$ledger" --today "$asof" report bulletin --month "$month" \
    --publish --commit --format docx
# The published issue again, as one HTML page (no draft mark: it is that issue).
if [ $# -eq 3 ]; then
    mkdir -p "$3"
    "$tz" -L "$ledger" --today "$asof" report bulletin --month "$month" --format html \
        --output "$3/$month.html"
fi
