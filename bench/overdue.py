#!/usr/bin/env python3
"""A scripting clerk's overdue list, with only the standard library.

Reads a taizhang ledger (project.toml with tomllib, procedures.csv with csv)
and prints the same overdue items as `taizhang report overdue`, one per line:
kind, project, procedure (or "-" for a start, the number for a problem of
problems.csv), due, days overdue, most overdue first. Usage: overdue.py LEDGER_DIR TODAY
"""
import csv
import datetime as dt
import os
import sys
import tomllib

KIND_ORDER = {"pledge": 0, "procedure": 1, "start": 2, "problem": 3}


def main(root, today_text):
    today = dt.date.fromisoformat(today_text)
    items = []
    projects = os.path.join(root, "projects")
    for pid in sorted(os.listdir(projects)):
        folder = os.path.join(projects, pid)
        if pid.startswith(".") or not os.path.isdir(folder):
            continue
        with open(os.path.join(folder, "project.toml"), "rb") as f:
            record = tomllib.load(f)
        with open(os.path.join(folder, "procedures.csv"), newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["status"] == "pledged" and not row["fulfilled"] and row["pledge_due"]:
                    due = dt.date.fromisoformat(row["pledge_due"])
                    if today > due:
                        items.append(("pledge", pid, row["procedure"], due, (today - due).days))
                if row["status"] == "pending" and row["due"]:
                    due = dt.date.fromisoformat(row["due"])
                    if today > due:
                        items.append(("procedure", pid, row["procedure"], due, (today - due).days))
        problems = os.path.join(folder, "problems.csv")
        if os.path.exists(problems):
            with open(problems, newline="", encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    opened = dt.date.fromisoformat(row["opened"])
                    resolved = row["resolved"] and dt.date.fromisoformat(row["resolved"])
                    limit = dt.date.fromisoformat(row["limit"])
                    still_open = opened <= today and (not resolved or resolved > today)
                    if still_open and today > limit:
                        items.append(("problem", pid, row["no"], limit, (today - limit).days))
        plan = record.get("planned_start")
        if plan is not None and "started" not in record:
            plan = plan if isinstance(plan, dt.date) else dt.date.fromisoformat(plan)
            if today > plan:
                items.append(("start", pid, "-", plan, (today - plan).days))
    # Problems keep their file order (taizhang's sort is stable, and its
    # key has no procedure for them).
    items.sort(key=lambda i: (-i[4], i[1], KIND_ORDER[i[0]], i[2] if i[0] != "problem" else ""))
    out = sys.stdout
    for kind, pid, proc, due, days in items:
        out.write(f"{kind}\t{pid}\t{proc}\t{due.isoformat()}\t{days}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
