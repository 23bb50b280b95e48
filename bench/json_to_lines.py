#!/usr/bin/env python3
"""Turns `taizhang report overdue --format json` into overdue.py's lines."""
import json
import sys

report = json.load(sys.stdin)
for i in report["items"]:
    print(f'{i["kind"]}\t{i["project"]}\t{i["procedure"] or "-"}\t{i["due"]}\t{i["days_overdue"]}')
