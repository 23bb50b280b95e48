#!/bin/sh
# The weekly bulletin (简报), written every Monday by cron: Markdown to
# paste, a self-contained HTML page to mail or print, and JSON, in a folder
# per ISO week.
#
#   weekly-bulletin.sh LEDGER_DIR OUT_DIR [DAY]
#
# DAY (YYYY-MM-DD) picks the week; by default it is yesterday, so a run on
# Monday morning writes the bulletin of the week that just ended (Monday to
# Sunday), complete. The date is passed to taizhang with --today, so running
# the script again later for the same DAY writes the same bytes.
#
# crontab line (every Monday 07:30):
#   30 7 * * 1  /opt/taizhang/examples/weekly-bulletin.sh /srv/ledgers/taiqian-2024 /srv/bulletins
#
# Output: OUT_DIR/2024-W10/bulletin.md, bulletin.html, bulletin.json.
# Set TAIZHANG to the binary if it is not on PATH; the labels follow `lang`
# in the ledger's ledger.toml (set LANG_OPT="--lang en" for English).
#
# A project whose files cannot be read does not stop the bulletin: it is
# left out, the bulletin says so at the top, the problems are written to
# OUT_DIR/WEEK/left-out.txt and the script exits 4 (after writing every
# format), so cron mails the clerk while the bulletin still goes out.
set -eu

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 LEDGER_DIR OUT_DIR [DAY]" >&2
    exit 2
fi
ledger=$1
out=$2
day=${3:-$(date -d yesterday +%F)}
tz=${TAIZHANG:-taizhang}
week=$(date -d "$day" +%G-W%V) || { echo "error: invalid DAY \"$day\": expected YYYY-MM-DD" >&2; exit 1; }
# Count the ledger as of the week's last day (or today for the current week).
sunday=$(date -d "$day +$((7 - $(date -d "$day" +%u))) days" +%F)
today=$(date +%F)
asof=$sunday
if [ "$today" \< "$sunday" ]; then asof=$today; fi

dir="$out/$week"
mkdir -p "$dir"
status=0
for fmt in markdown:md html:html json:json; do
    format=${fmt%%:*}
    ext=${fmt#*:}
    tmp="$dir/.bulletin.$ext.tmp"
    rc=0
    # shellcheck disable=SC2086
    "$tz" -L "$ledger" --today "$asof" ${LANG_OPT:-} report weekly --week-of "$day" --format "$format" >"$tmp" 2>"$dir/.stderr.tmp" || rc=$?
    case $rc in
        0) ;;
        4) status=4; mv "$dir/.stderr.tmp" "$dir/left-out.txt" ;;
        *) cat "$dir/.stderr.tmp" >&2; rm -f "$tmp" "$dir/.stderr.tmp"; exit "$rc" ;;
    esac
    mv "$tmp" "$dir/bulletin.$ext"
done
rm -f "$dir/.stderr.tmp"
echo "wrote $dir/bulletin.md, bulletin.html, bulletin.json"
if [ "$status" -eq 4 ]; then
    echo "warning: projects were left out of the bulletin; see $dir/left-out.txt and run taizhang check" >&2
fi
exit "$status"
