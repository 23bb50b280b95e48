#!/usr/bin/env bash
# The benchmark harness: generates ledgers of 1,000 / 10,000 / 100,000
# projects and measures, in one run on the same data, taizhang's reports
# (with a warm project cache, a cold one, and none), the read commands,
# check, `--at HEAD`, a tick and a pledge, against the I/O floor (cat of
# every file), a Python script with only the standard library, and SQLite.
# Checks that the Python script's overdue list is identical to taizhang's
# (warm and cold), then writes the table into BENCHMARKS.md.
#
# Usage: bench/run.sh [SIZES...]     (default: 1000 10000 100000)
# BENCH_BASELINE=/path/to/an/older/taizhang adds its overdue report, to
# compare with a build from before a change.
# Needs hyperfine, sqlite3, git and GNU time (installed with apt-get if missing).
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
command -v git >/dev/null || need+=(git)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

# BENCH_BIN=/path/to/taizhang measures that binary instead of building one.
if [ -n "${BENCH_BIN:-}" ]; then
  [ -x target/release/examples/gen_ledger ] || cargo build --release --quiet --example gen_ledger
else
  cargo build --release --quiet --bin taizhang --example gen_ledger
fi
tz=${BENCH_BIN:-$PWD/target/release/taizhang}
gen=$PWD/target/release/examples/gen_ledger
mkdir -p "$work"
results=$work/results.tsv
: > "$results"

# median seconds of one command (hyperfine, after a warm-up run)
measure() { # name size prepare command [runs]
  local name=$1 size=$2 prepare=$3 cmd=$4 json=$work/h.json
  # a given number of runs means a slow command: no warm-up run then
  local opts=(--warmup "$([ -n "${5:-}" ] && echo 0 || echo 1)" --runs "${5:-$runs}" --export-json "$json")
  [ -n "$prepare" ] && opts+=(--prepare "$prepare")
  hyperfine --style none "${opts[@]}" "$cmd" >/dev/null 2>&1
  local median cpu
  median=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$json")
  cpu=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["user"] + r["system"])' "$json")
  local rss
  rss=$(bash -c "$prepare" >/dev/null 2>&1; /usr/bin/time -v bash -c "$cmd" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}')
  printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$name" "$median" "$rss" "$cpu" >> "$results"
  printf '  %-45s %8.3f s  cpu %8.3f s  %8s KB\n' "$name" "$median" "$cpu" "$rss"
}

for n in "${sizes[@]}"; do
  dir=$work/ledger-$n
  if [ ! -f "$dir/ledger.toml" ]; then
    "$gen" --projects "$n" --seed 1 "$dir"
  fi
  # A git repository with one commit, for `--at HEAD` (made once).
  if [ ! -d "$dir/.git" ]; then
    git -C "$dir" init -q
    git -C "$dir" add -A
    git -C "$dir" -c user.name=bench -c user.email=bench@example.org commit -qm "generated ledger"
  fi
  echo "N = $n"
  "$tz" -L "$dir" check > /dev/null  # warnings only: the generated projects start late on purpose
  rm -rf "$dir/.taizhang"
  # the same overdue list from taizhang (cold cache, then warm) and from
  # the Python script
  for run in cold warm; do
    "$tz" -L "$dir" --today $today report overdue --format json | python3 bench/json_to_lines.py > "$work/tz-$n-$run.txt"
  done
  cmp -s "$work/tz-$n-cold.txt" "$work/tz-$n-warm.txt" || { echo "cold and warm reports disagree at N=$n" >&2; exit 1; }
  mv "$work/tz-$n-warm.txt" "$work/tz-$n.txt"
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
  cold="rm -rf $dir/.taizhang"
  week=2024-11-18

  measure "cat (I/O floor)" "$n" "" "find $dir/projects -type f -print0 | xargs -0 cat > /dev/null"
  measure "report overdue --format json, warm cache" "$n" "" "$tz -L $dir --today $today report overdue --format json > /dev/null"
  measure "report overdue --format json, cold cache" "$n" "$cold" "$tz -L $dir --today $today report overdue --format json > /dev/null"
  measure "report overdue --format json --no-cache" "$n" "" "$tz -L $dir --today $today --no-cache report overdue --format json > /dev/null"
  if [ -n "${BENCH_BASELINE:-}" ]; then
    measure "report overdue --format json, baseline build" "$n" "" "$BENCH_BASELINE -L $dir --today $today report overdue --format json > /dev/null"
  fi
  # --at copies every file of the commit out of git: fewer runs at scale.
  measure "report overdue --at HEAD" "$n" "" "$tz -L $dir --today $today --at HEAD report overdue --format json > /dev/null" "$([ "$n" -ge 100000 ] && echo 2 || echo "")"
  measure "report slow" "$n" "" "$tz -L $dir --today $today report slow > /dev/null"
  measure "report weekly" "$n" "" "$tz -L $dir --today $today report weekly --week-of $week > /dev/null"
  measure "report bulletin" "$n" "" "$tz -L $dir --today $today report bulletin --week-of $week > /dev/null"
  measure "report taskforce" "$n" "" "$tz -L $dir --today $today report taskforce > /dev/null"
  measure "list" "$n" "" "$tz -L $dir --today $today list > /dev/null"
  measure "list --no-cache" "$n" "" "$tz -L $dir --today $today --no-cache list > /dev/null"
  measure "problem list" "$n" "" "$tz -L $dir --today $today problem list > /dev/null"
  measure "export overdue --for-excel" "$n" "" "$tz -L $dir --today $today export overdue --for-excel > /dev/null"
  measure "export procedures --for-excel" "$n" "" "$tz -L $dir --today $today export procedures --for-excel > /dev/null"
  measure "check" "$n" "" "$tz -L $dir check"
  # A write outside git, as before: in a repository a write also asks git
  # for unresolved merges (`git ls-files -u`), which reads git's index.
  mv "$dir/.git" "$dir/.git-off"
  measure "tick" "$n" "$restore" "$tz -L $dir --today $today tick p000000 $pending"
  measure "pledge" "$n" "$restore" "$tz -L $dir --today $today pledge p000000 $pending --due 2024-12-31 --kind tolerance --items x"
  mv "$dir/.git-off" "$dir/.git"
  measure "tick, in a git repository" "$n" "$restore" "$tz -L $dir --today $today tick p000000 $pending"
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
