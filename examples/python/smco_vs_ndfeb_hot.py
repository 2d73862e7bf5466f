"""Above 200 degC the policy keeps SmCo alive: compare SmCo and NdFeB grades from 150 to 300 degC
at permeance coefficient 2.

Run: python examples/python/smco_vs_ndfeb_hot.py
"""

import magmat as mm

PC = 2.0


def main():
    cat = mm.Catalog.default()
    grades = [cat[name] for name in ("N42SH", "G42AH", "YX20", "YXG28H")]
    temperatures = (150, 200, 250, 300)
    print("Br (T) at temperature; '-' where the magnet lies beyond its knee at Pc = 2")
    print(f"{'grade':<8} " + " ".join(f"{t:>7} C" for t in temperatures) + "   T max (degC)")
    for g in grades:
        cells = []
        for t in temperatures:
            try:
                beyond = g.operating_point(pc=PC, temperature_C=t).beyond_knee
                cells.append("      -  " if beyond else f"{g.remanence(temperature_C=t):9.3f}")
            except mm.DomainError:
                cells.append("      -  ")
        print(f"{g.name:<8} " + " ".join(cells) + f"   {g.max_operating_temperature(pc=PC):10.0f}")


if __name__ == "__main__":
    main()
