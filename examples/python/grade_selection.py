"""Which catalog grades can run at 160 degC in a magnet of permeance coefficient 1.5, and how much
Dy does each carry? (the question of issue [7]: "which grade for 160 degC at Pc 1.5")

Run: python examples/python/grade_selection.py
"""

import magmat as mm

TEMPERATURE_C, PC = 160.0, 1.5


def main():
    requirement = mm.Requirement(temperature_C=TEMPERATURE_C, permeance=PC)
    print(f"Sintered NdFeB grades that do not cross the knee at {TEMPERATURE_C:g} degC, Pc = {PC:g}:")
    print(f"{'grade':<8} {'Br20 (T)':>9} {'HcJ(T) (kA/m)':>14} {'T max (degC)':>13} {'Dy wt% (est.)':>14}")
    count = 0
    for grade in mm.Catalog.default().find(family="ndfeb_sintered"):
        met, _ = requirement.check(grade)
        if not met:
            continue
        count += 1
        print(f"{grade.name:<8} {grade.remanence(temperature_C=20):9.3f} "
              f"{grade.intrinsic_coercivity(temperature_C=TEMPERATURE_C) / 1e3:14.0f} "
              f"{grade.max_operating_temperature(pc=PC):13.0f} "
              f"{100 * grade.composition.mass_fraction('Dy'):14.2f}")
    print(f"{count} grades; Dy is magmat's estimate from each grade's HcJ (docs/catalog.md).")


if __name__ == "__main__":
    main()
