#!/usr/bin/env python3
# Copyright 2026 The scopekey maintainers. Licensed under the Apache License, Version 2.0:
# https://www.apache.org/licenses/LICENSE-2.0
"""Prints, from JMH JSON results of benchmarks/run, every row of the first (ns/op and B/op)
and the ratios issue 10 sets as goals, one column per result, as Markdown tables for
docs/benchmarks.md. Each ratio is taken within one result, never across two.

Usage: python3 benchmarks/ratios.py benchmarks/target/jmh-result.json [another-run.json ...]
"""
import json
import sys

ALLOC = "gc.alloc.rate.norm"


def load(path):
    """{(benchmark class, params tuple): (ns/op, error, B/op)} from JMH's JSON."""
    rows = {}
    with open(path, encoding="utf-8") as handle:
        for entry in json.load(handle):
            name = entry["benchmark"].split(".")[-2]
            params = tuple(sorted((entry.get("params") or {}).items()))
            primary = entry["primaryMetric"]
            alloc = entry.get("secondaryMetrics", {}).get(ALLOC, {}).get("score")
            rows[(name, params)] = (primary["score"], primary["scoreError"], alloc)
    return rows


def find(rows, name, **params):
    key = (name, tuple(sorted((k, str(v)) for k, v in params.items())))
    return rows.get(key)


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def fmt(value, digits=2):
    return "n/a" if value is None else f"{value:.{digits}f}"


def print_rows(rows):
    print("| benchmark | params | ns/op | ± | B/op |")
    print("|---|---|---:|---:|---:|")
    for (name, params), (score, error, alloc) in sorted(rows.items()):
        shown = ", ".join(f"{k}={v}" for k, v in params)
        print(f"| {name} | {shown} | {fmt(score, 1)} | {fmt(error, 1)} | {fmt(alloc, 0)} |")


def time_of(rows, name, **params):
    row = find(rows, name, **params)
    return None if row is None else row[0]


def bytes_of(rows, name, **params):
    row = find(rows, name, **params)
    return None if row is None else row[2]


def added(rows, measure, filter_name, outcome):
    """What a filter adds over the no-op harness, in time or bytes."""
    own = measure(rows, "FilterBenchmark", filter=filter_name, outcome=outcome)
    harness = measure(rows, "FilterBenchmark", filter="noop", outcome=outcome)
    return None if own is None or harness is None else own - harness


def goals(rows):
    """(goal, measured, target, lower is better) for each goal of issue 10."""
    result = []
    result.append(("authorize, memory store, valid token ÷ floor",
                   ratio(time_of(rows, "AuthorizeBenchmark", check="memory", token="valid"),
                         time_of(rows, "AuthorizeBenchmark", check="floor", token="valid")), 1.3))
    for outcome in ("granted", "denied"):
        result.append((f"filter's added time ÷ Spring's added time ({outcome})",
                       ratio(added(rows, time_of, "scopekey", outcome), added(rows, time_of, "spring", outcome)),
                       0.12))
    for outcome in ("granted", "denied"):
        result.append((f"filter ÷ minimal filter ({outcome})",
                       ratio(time_of(rows, "FilterBenchmark", filter="scopekey", outcome=outcome),
                             time_of(rows, "FilterBenchmark", filter="minimal", outcome=outcome)), 1.1))
    for outcome in ("granted", "denied"):
        result.append((f"filter's bytes per request beyond the harness ({outcome}), B",
                       added(rows, bytes_of, "scopekey", outcome), 400))
    for route in ("static", "variable"):
        result.append((f"route match, 10,000 rules ÷ 10 rules ({route})",
                       ratio(time_of(rows, "RouteMatchBenchmark", rules=10000, route=route),
                             time_of(rows, "RouteMatchBenchmark", rules=10, route=route)), 1.5))
    result.append(("authorize, JDBC store (warm cache) ÷ memory store, valid token",
                   ratio(time_of(rows, "AuthorizeBenchmark", check="jdbc", token="valid"),
                         time_of(rows, "AuthorizeBenchmark", check="memory", token="valid")), 1.2))
    return result


def context(rows):
    """Further ratios that explain the goals (no target)."""
    result = []
    for check in ("memory", "file", "jdbc"):
        result.append((f"authorize, {check} store, unknown token ÷ floor",
                       ratio(time_of(rows, "AuthorizeBenchmark", check=check, token="unknown"),
                             time_of(rows, "AuthorizeBenchmark", check="floor", token="unknown"))))
    result.append(("authorize, file store ÷ memory store, valid token",
                   ratio(time_of(rows, "AuthorizeBenchmark", check="file", token="valid"),
                         time_of(rows, "AuthorizeBenchmark", check="memory", token="valid"))))
    for outcome in ("granted", "denied"):
        result.append((f"filter's added time ÷ minimal's added time ({outcome})",
                       ratio(added(rows, time_of, "scopekey", outcome), added(rows, time_of, "minimal", outcome))))
        result.append((f"Spring's bytes per request beyond the harness ({outcome}), B",
                       added(rows, bytes_of, "spring", outcome)))
        result.append((f"minimal's bytes per request beyond the harness ({outcome}), B",
                       added(rows, bytes_of, "minimal", outcome)))
    return result


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    runs = [load(path) for path in argv[1:]]
    columns = " | ".join(f"run {i + 1}" for i in range(len(runs)))
    rule = "|".join("---:" for _ in runs)
    print()
    print_rows(runs[0])
    print()
    print(f"| goal (issue 10) | target | {columns} | met |")
    print(f"|---|---:|{rule}|---|")
    per_run = [goals(rows) for rows in runs]
    for i, (goal, _, target) in enumerate(per_run[0]):
        measured = [run[i][1] for run in per_run]
        met = "n/a" if None in measured else ("yes" if all(m <= target for m in measured)
                                             else "no" if all(m > target for m in measured) else "mixed")
        shown = " | ".join(fmt(m) for m in measured)
        print(f"| {goal} | ≤ {target} | {shown} | {met} |")
    print()
    print(f"| context | {columns} |")
    print(f"|---|{rule}|")
    per_run = [context(rows) for rows in runs]
    for i, (name, _) in enumerate(per_run[0]):
        shown = " | ".join(fmt(run[i][1]) for run in per_run)
        print(f"| {name} | {shown} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
