"""Writes cylinder_reference.csv: the magnetometric demagnetizing factor of a cylinder
magnetized along its axis, N(tau) with tau = L/D, from its closed form in complete elliptic
integrals (M. Beleggia et al., J. Phys. D 38, 3333 (2005), circular case; BELEGGIA05):

    N = 1 + 4/(3 pi tau) [1 - sqrt(1 + tau^2) ((1 - tau^2) E(m) + tau^2 K(m))],  m = 1/(1 + tau^2)

evaluated with mpmath at 120 digits and kept if 160 digits agree to 40. The closed form is first
checked against the library's defining integral N = (2a/L) int_0^inf J1(x)^2 (1 - exp(-x L/a))/x^2 dx
(docs/model.md section 7) by oscillatory quadrature.

Run: .venv/bin/python tests/data/demagnetizing_factors/generate_cylinder_reference.py
"""
import pathlib

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent


def closed_form(tau):
    tau = mp.mpf(tau)
    m = 1 / (1 + tau * tau)
    bracket = 1 - mp.sqrt(1 + tau * tau) * ((1 - tau * tau) * mp.ellipe(m) + tau * tau * mp.ellipk(m))
    return 1 + 4 / (3 * mp.pi * tau) * bracket


def bessel_integral(tau):
    p = 2 * mp.mpf(tau)  # L / a
    integrand = lambda x: mp.besselj(1, x) ** 2 * -mp.expm1(-p * x) / x ** 2
    return 2 / p * mp.quadosc(integrand, [0, mp.inf], omega=1)


def reference(tau):
    with mp.workdps(120):
        low = closed_form(tau)
    with mp.workdps(160):
        high = closed_form(tau)
    if abs(low - high) > mp.mpf(10) ** -40 * abs(high):
        raise RuntimeError(f"reference not converged for L/D = {tau}")
    return high


def main():
    with mp.workdps(30):
        for tau in (0.5, 1.0, 2.0):
            if abs(closed_form(tau) - bessel_integral(tau)) > 1e-12:
                raise RuntimeError(f"closed form and Bessel integral differ at L/D = {tau}")
    taus = [float(10.0 ** (e / 4)) for e in range(-48, 49)] + [0.3, 0.7, 1.5, 3.0, 7.0]
    lines = ["# length,diameter (metres, exact doubles),N (Beleggia 2005 closed form at 160 digits)"]
    for tau in taus:
        lines.append(f"{tau!r},1.0,{mp.nstr(reference(tau), 20, min_fixed=0, max_fixed=0)}")
    (HERE / "cylinder_reference.csv").write_text("\n".join(lines) + "\n")
    print(f"wrote {len(taus)} rows")


if __name__ == "__main__":
    main()
