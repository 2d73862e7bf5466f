"""Writes block_reference.csv: the magnetometric demagnetizing factor of a rectangular block
magnetized along `length`, from Aharoni's closed form (A. Aharoni, J. Appl. Phys. 83, 3432
(1998), eq. (1); AHARONI98 in materials/references.json) evaluated with mpmath.

The formula cancels catastrophically at extreme aspect ratios (terms of size ratio² leave a
result of size 1/ratio), so it is evaluated at 160 significant digits and the value is kept
only if a second evaluation at 240 digits agrees to 40 digits; the file holds 20.
Sides are the exact binary doubles written in the file, so the C++ test reads the same inputs.

Run: .venv/bin/python tests/data/demagnetizing_factors/generate_block_reference.py
"""
import itertools
import pathlib

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
# Exponents of 10 for width and height with length = 1; every aspect ratio between any two sides
# stays within 1e-12 .. 1e12, the range the library accepts.
EXPONENTS = [-12, -10, -8, -6, -4, -3, -2, -1.3, -1, -0.5, 0, 0.25, 0.7, 1, 2, 3, 4, 6, 8, 10, 12]
MAX_EXPONENT_SPREAD = 12


def aharoni(length, width, height):
    """pi N with half-sides a = width/2, b = height/2 across and c = length/2 along M (Aharoni eq. 1)."""
    a, b, c = mp.mpf(width) / 2, mp.mpf(height) / 2, mp.mpf(length) / 2
    r = mp.sqrt(a * a + b * b + c * c)
    rab, rbc, rac = mp.sqrt(a * a + b * b), mp.sqrt(b * b + c * c), mp.sqrt(a * a + c * c)
    pi_n = ((b * b - c * c) / (2 * b * c) * mp.log((r - a) / (r + a))
            + (a * a - c * c) / (2 * a * c) * mp.log((r - b) / (r + b))
            + b / (2 * c) * mp.log((rab + a) / (rab - a)) + a / (2 * c) * mp.log((rab + b) / (rab - b))
            + c / (2 * a) * mp.log((rbc - b) / (rbc + b)) + c / (2 * b) * mp.log((rac - a) / (rac + a))
            + 2 * mp.atan2(a * b, c * r) + (a ** 3 + b ** 3 - 2 * c ** 3) / (3 * a * b * c)
            + (a * a + b * b - 2 * c * c) * r / (3 * a * b * c) + c / (a * b) * (rac + rbc)
            - (rab ** 3 + rbc ** 3 + rac ** 3) / (3 * a * b * c))
    return pi_n / mp.pi


def reference(length, width, height):
    with mp.workdps(160):
        low = aharoni(length, width, height)
    with mp.workdps(240):
        high = aharoni(length, width, height)
    if abs(low - high) > mp.mpf(10) ** -40 * abs(high):
        raise RuntimeError(f"reference not converged for {length}, {width}, {height}")
    return high


def main():
    rows = []
    for ew, eh in itertools.product(EXPONENTS, repeat=2):
        spread = max(ew, eh, 0) - min(ew, eh, 0)
        if spread > MAX_EXPONENT_SPREAD:
            continue
        width, height = float(10.0 ** ew), float(10.0 ** eh)
        rows.append((1.0, width, height))
    lines = ["# length,width,height (metres, exact doubles),N (Aharoni 1998 eq. 1 at 240 digits)"]
    for length, width, height in rows:
        n = reference(length, width, height)
        lines.append(f"{length!r},{width!r},{height!r},{mp.nstr(n, 20, min_fixed=0, max_fixed=0)}")
    (HERE / "block_reference.csv").write_text("\n".join(lines) + "\n")
    print(f"wrote {len(rows)} rows")


if __name__ == "__main__":
    main()
