#!/usr/bin/env python3
"""Formats bench/run.sh's results as the Markdown table of BENCHMARKS.md."""
import collections
import platform
import subprocess
import sys

rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
runs = sys.argv[2]
by_size = collections.OrderedDict()
for size, name, median, rss, *cpu in rows:
    by_size.setdefault(size, {})[name] = (float(median), int(rss or 0), float(cpu[0]) if cpu else None)

cpu = "unknown"
for line in open("/proc/cpuinfo"):
    if line.startswith("model name"):
        cpu = line.split(":", 1)[1].strip()
        break
cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
print(f"Machine: {cpu}, {cores} cores, {platform.system()} {platform.release()}. "
      f"Medians of {runs} runs after a warm-up (hyperfine); CPU is the mean user + system time of those runs "
      f"(over both cores: it can exceed the wall time); peak memory from `/usr/bin/time -v`.\n")
for size, res in by_size.items():
    floor = res["cat (I/O floor)"][0]
    py, _, py_cpu = res["python overdue.py"]
    print(f"### N = {int(size):,} projects\n")
    print("| command | median | × cat floor | × python | CPU | CPU × python | peak memory |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (median, rss, cpu) in res.items():
        ratio = f"{cpu/py_cpu:.3f}" if cpu is not None and py_cpu else ""
        cpu = f"{cpu*1000:.1f} ms" if cpu is not None else ""
        print(f"| {name} | {median*1000:.1f} ms | {median/floor:.2f} | {median/py:.3f} | {cpu} | {ratio} | {rss/1024:.1f} MB |")
    print()
