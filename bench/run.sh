#!/usr/bin/env bash
# The benchmark harness: generates ledgers of 1,000 / 10,000 / 100,000
# projects and measures, in one run on the same data, taizhang's reports,
# check, list, a tick and a pledge, against the I/O floor (cat of every
# file), a Python script with only the standard library, and SQLite. Checks
# that the Python script's overdue list is identical to taizhang's, then
# writes the table into BENCHMARKS.md.
#
# Usage: bench/run.sh [SIZES...]     (default: 1000 10000 100000)
# Needs hyperfine, sqlite3 and GNU time (installed with apt-get if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
today=2024-11-25
work=${BENCH_DIR:-/tmp/taizhang-bench}
runs=${BENCH_RUNS:-5}

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v sqlite3 >/dev/null || need+=(sqlite3)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build --release --quiet --bin taizhang --example gen_ledger
tz=$PWD/target/release/taizhang
gen=$PWD/target/release/examples/gen_ledger
mkdir -p "$work"
results=$work/results.tsv
: > "$results"

# median seconds of one command (hyperfine, after a warm-up run)
measure() { # name size prepare command
  local name=$1 size=$2 prepare=$3 cmd=$4 json=$work/h.json
  local opts=(--warmup 1 --runs "$runs" --export-json "$json")
  [ -n "$prepare" ] && opts+=(--prepare "$prepare")
  hyperfine --style none "${opts[@]}" "$cmd" >/dev/null 2>&1
  local median
  median=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$json")
  local rss
  rss=$(bash -c "$prepare" >/dev/null 2>&1; /usr/bin/time -v bash -c "$cmd" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}')
  printf '%s\t%s\t%s\t%s\n' "$size" "$name" "$median" "$rss" >> "$results"
  printf '  %-22s %8.3f s  %8s KB\n' "$name" "$median" "$rss"
}

for n in "${sizes[@]}"; do
  dir=$work/ledger-$n
  if [ ! -f "$dir/ledger.toml" ]; then
    "$gen" --projects "$n" --seed 1 "$dir"
  fi
  echo "N = $n"
  "$tz" -L "$dir" check
  # the same overdue list from taizhang and from the Python script
  "$tz" -L "$dir" --today $today report overdue --format json | python3 bench/json_to_lines.py > "$work/tz-$n.txt"
  python3 bench/overdue.py "$dir" $today > "$work/py-$n.txt"
  cmp -s "$work/tz-$n.txt" "$work/py-$n.txt" || { echo "taizhang and overdue.py disagree at N=$n" >&2; exit 1; }
  bash bench/sqlite_alt.sh "$dir" $today > "$work/sq-$n.txt"
  cmp -s "$work/tz-$n.txt" "$work/sq-$n.txt" && sq_same=yes || sq_same=no
  echo "  overdue items: $(wc -l < "$work/tz-$n.txt"); python identical: yes; sqlite identical: $sq_same"

  proj=$dir/projects/p000000
  cp "$proj/procedures.csv" "$work/saved.csv"
  cp "$proj/project.toml" "$work/saved.toml"
  restore="cp $work/saved.csv $proj/procedures.csv && cp $work/saved.toml $proj/project.toml"
  pending=$(awk -F, '$4 == "pending" {print $1; exit}' "$work/saved.csv")

  measure "cat (I/O floor)" "$n" "" "find $dir/projects -type f -print0 | xargs -0 cat > /dev/null"
  measure "report overdue --format json" "$n" "" "$tz -L $dir --today $today report overdue --format json > /dev/null"
  measure "report slow" "$n" "" "$tz -L $dir --today $today report slow > /dev/null"
  measure "check" "$n" "" "$tz -L $dir check"
  measure "list" "$n" "" "$tz -L $dir --today $today list > /dev/null"
  measure "tick" "$n" "$restore" "$tz -L $dir --today $today tick p000000 $pending"
  measure "pledge" "$n" "$restore" "$tz -L $dir --today $today pledge p000000 $pending --due 2024-12-31 --kind tolerance --items x"
  measure "python overdue.py" "$n" "" "python3 bench/overdue.py $dir $today > /dev/null"
  measure "sqlite import + query" "$n" "" "bash bench/sqlite_alt.sh $dir $today > /dev/null"
  bash -c "$restore"
done

python3 bench/table.py "$results" "$runs" > "$work/table.md"
python3 - "$work/table.md" <<'PY'
import re, sys
table = open(sys.argv[1]).read()
text = open("BENCHMARKS.md").read()
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
text = re.sub(re.escape(begin) + ".*?" + re.escape(end), begin + "\n" + table + end, text, flags=re.S)
open("BENCHMARKS.md", "w").write(text)
PY
echo "BENCHMARKS.md updated"
