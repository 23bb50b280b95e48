#!/usr/bin/env bash
# A/B of two commands by CPU time, for a machine that is not quiet: runs
# command A once (to warm its project cache: each build of taizhang keeps
# its own), then N times; the same for B; prints each one's minimum CPU
# time (user + system) with its wall time and peak memory, and the mean.
#
# Usage: bench/ab.sh N COMMAND_A... -- COMMAND_B...
# e.g.   bench/ab.sh 6 ./old -L D --today 2024-11-25 report overdue --format json \
#          -- ./new -L D --today 2024-11-25 report overdue --format json
set -euo pipefail
n=$1; shift
A=(); while [ "$1" != "--" ]; do A+=("$1"); shift; done; shift; B=("$@")
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for side in A B; do
  if [ $side = A ]; then cmd=("${A[@]}"); else cmd=("${B[@]}"); fi
  "${cmd[@]}" >/dev/null 2>&1 || true
  for _ in $(seq "$n"); do
    /usr/bin/time -f "$side %U %S %e %M" "${cmd[@]}" >/dev/null 2>>"$log"
  done
done
awk '$1=="A"||$1=="B"{t=$2+$3; k=$1; if(!(k in bt)||t<bt[k]){bt[k]=t;bu[k]=$2;bs[k]=$3;bw[k]=$4;bm[k]=$5}; sum[k]+=t; c[k]++}
     END{for(k in bt) printf "%s min cpu %.2f s (user %.2f, system %.2f), wall %.2f s, peak %d MB; mean cpu %.2f s\n",k,bt[k],bu[k],bs[k],bw[k],bm[k]/1024,sum[k]/c[k]}' "$log" | sort
