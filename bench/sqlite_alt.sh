#!/usr/bin/env bash
# The database-minded alternative to `taizhang report overdue`: import the
# ledger's CSV files (procedures, problems, and the start dates of the TOML
# records) into SQLite and run bench/overdue.sql. Problem texts with commas
# or line breaks would need a real CSV splitter; the generated ledgers have
# none. Usage: sqlite_alt.sh LEDGER_DIR TODAY
set -euo pipefail
ledger=$1 today=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  printf 'project,'; head -n1 "$(find "$ledger/projects" -name procedures.csv -print -quit)"
  find "$ledger/projects" -name procedures.csv -print0 | xargs -0 awk '
    FNR == 1 { n = split(FILENAME, a, "/"); p = a[n - 1]; next }
    { print p "," $0 }'
} > "$tmp/procedures.csv"
{
  echo 'project,planned_start,started'
  find "$ledger/projects" -name project.toml -print0 | xargs -0 awk '
    function flush() { if (p != "") print p "," plan "," started }
    FNR == 1 { flush(); n = split(FILENAME, a, "/"); p = a[n - 1]; plan = ""; started = "" }
    /^planned_start *=/ { v = $0; sub(/^[^=]*= */, "", v); gsub(/"/, "", v); plan = v }
    /^started *=/ { v = $0; sub(/^[^=]*= */, "", v); gsub(/"/, "", v); started = v }
    END { flush() }'
} > "$tmp/projects.csv"
{
  echo 'project,no,what,unit,limit,opened,resolved,how'
  find "$ledger/projects" -name problems.csv -print0 | xargs -0 -r awk '
    FNR == 1 { n = split(FILENAME, a, "/"); p = a[n - 1]; next }
    { print p "," $0 }'
} > "$tmp/problems.csv"
sqlite3 :memory: <<SQL
.mode csv
.import $tmp/procedures.csv procedures
.import $tmp/projects.csv projects
.import $tmp/problems.csv problems
.mode tabs
.parameter set :today "'$today'"
.read $here/overdue.sql
SQL
