#!/usr/bin/env python3
"""Turns `taizhang report overdue --format json` into overdue.py's lines."""
import json
import sys

report = json.load(sys.stdin)
for i in report["items"]:
    what = i["problem_no"] if i["kind"] == "problem" else (i["procedure"] or "-")
    print(f'{i["kind"]}\t{i["project"]}\t{what}\t{i["due"]}\t{i["days_overdue"]}')
