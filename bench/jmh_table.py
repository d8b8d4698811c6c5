#!/usr/bin/env python3
"""Turns JMH JSON results (target/jmh-result.json) into the README's markdown tables.

For every benchmark class with a `bulk` and a `naive` method, prints one row per (fn, size): the
library's ns/op, the naive loop's ns/op, elements per second of the library path and the speed ratio
naive_time / bulk_time (> 1: the library is faster). KernelBenchmark rows are printed as they are.
Usage: bench/jmh_table.py [target/jmh-result.json]
"""
import json
import sys
from collections import defaultdict

path = sys.argv[1] if len(sys.argv) > 1 else "target/jmh-result.json"
rows = json.load(open(path))
pairs = defaultdict(dict)
kernels = []
for r in rows:
    cls, method = r["benchmark"].rsplit(".", 2)[-2:]
    params = r.get("params", {})
    score = r["primaryMetric"]["score"]
    err = r["primaryMetric"]["scoreError"]
    if cls == "KernelBenchmark":
        kernels.append((method, score, err))
        continue
    key = (cls, params.get("fn"), int(params.get("size", 0)))
    pairs[key][method] = (score, err)

for cls in ["ElementwiseBenchmark", "SparseBenchmark", "RowwiseBenchmark"]:
    keys = sorted(k for k in pairs if k[0] == cls)
    if not keys:
        continue
    print(f"\n{cls}\n")
    print("| function | size | library ns/op | naive ns/op | library Melem/s | speed vs naive |")
    print("|---|---:|---:|---:|---:|---:|")
    for k in keys:
        b, n = pairs[k].get("bulk"), pairs[k].get("naive")
        if not b or not n:
            continue
        elems = k[2] if cls != "SparseBenchmark" else k[2]
        print(f"| {k[1]} | {k[2]} | {b[0]:.0f} ± {b[1]:.0f} | {n[0]:.0f} ± {n[1]:.0f} "
              f"| {elems / b[0] * 1e3:.0f} | {n[0] / b[0]:.2f}x |")
if kernels:
    print("\nKernelBenchmark (4096 doubles per op)\n")
    print("| kernel | ns/op | ns/element |")
    print("|---|---:|---:|")
    for m, s, e in sorted(kernels):
        print(f"| {m} | {s:.0f} ± {e:.0f} | {s / 4096:.2f} |")
