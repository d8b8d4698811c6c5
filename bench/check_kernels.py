#!/usr/bin/env python3
"""Checks a dump of (x, f(x)) double pairs against a 40-digit mpmath reference.

Usage: check_kernels.py FUNCTION FILE [FUNCTION FILE ...]
FILE holds little-endian float64 pairs (x, computed f(x)); FUNCTION is one of the names in REF.
Prints the worst relative error (in units of 1e-16 and in ulp of the reference) and where it occurs.
Also: `check_kernels.py --coefficients` prints the polynomials of FastMath.expm1 and FastMath.log1pUnit.
"""
import sys
import numpy as np
import mpmath as mp

mp.mp.dps = 40
SQRT1_2 = mp.sqrt(mp.mpf(1) / 2)

REF = {
    "expm1": lambda x: mp.expm1(x),
    "exp": lambda x: mp.exp(x),
    "mexpm1": lambda x: mp.expm1(x),
    "tanh": lambda x: mp.tanh(x),
    "mtanh": lambda x: mp.tanh(x),
    "sigmoid": lambda x: 1 / (1 + mp.exp(-x)),
    "log1p": lambda x: mp.log1p(x),
    "erfc": lambda x: mp.erfc(x),
    "gelu": lambda x: x * mp.erfc(-x * SQRT1_2) / 2,
    "softplus": lambda x: mp.log1p(mp.exp(x)),
}


def ulp(v):
    v = abs(float(v))
    return np.spacing(v) if v != 0 else np.spacing(0.0)


def check(name, path):
    data = np.fromfile(path, dtype="<f8").reshape(-1, 2)
    ref = REF[name]
    worst, worst_ulp, at, at_ulp = 0.0, 0.0, None, None
    bad = 0
    for x, y in data:
        x, y = float(x), float(y)
        if np.isnan(x):
            bad += 0 if np.isnan(y) else 1
            continue
        e = ref(mp.mpf(x))
        ef = float(e)
        if np.isinf(ef) or np.isinf(y):
            bad += 0 if ef == y else 1
            continue
        if e == 0:
            bad += 0 if y == 0 else 1
            continue
        u = float(abs(mp.mpf(y) - e)) / ulp(ef)
        if abs(ef) < 2.2250738585072014e-308:
            # subnormal result: only absolute accuracy exists there (spacing 4.9e-324)
            bad += 0 if u <= 2 else 1
            continue
        rel = float(abs((mp.mpf(y) - e) / e))
        if rel > worst:
            worst, at = rel, (x, y, ef)
        if u > worst_ulp:
            worst_ulp, at_ulp = u, x
    print(f"{name}: {len(data)} points, worst relative error {worst:.3e} "
          f"at x={at[0]!r} got {at[1]!r} ref {at[2]!r}; {worst_ulp:.2f} ulp max at x={at_ulp!r}; "
          f"special/subnormal mismatches {bad}")
    return worst


def coefficients():
    mp.mp.dps = 50
    c = mp.mpf(1) / 4
    f = lambda x: (mp.expm1(x) - x - x * x / 2) / x ** 3 if x != 0 else mp.mpf(1) / 6
    poly, err = mp.chebyfit(f, [-c, c], 9, error=True)
    print("fit error", mp.nstr(err, 5))
    for i, p in enumerate(reversed(poly)):
        print(f"E{i} = {float(p)!r}")


def log1p_coefficients():
    mp.mp.dps = 50
    g = lambda w: mp.mpf(1) / 3 if w == 0 else (mp.atanh(mp.sqrt(w)) / mp.sqrt(w) - 1) / w
    poly, err = mp.chebyfit(g, [0, mp.mpf(1) / 9], 10, error=True)
    print("fit error", mp.nstr(err, 5))
    for i, p in enumerate(reversed(poly)):
        print(f"L{i} = {float(p)!r}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--coefficients"]:
        coefficients()
        log1p_coefficients()
    else:
        args = sys.argv[1:]
        for i in range(0, len(args), 2):
            check(args[i], args[i + 1])
