"""Dy and Tb for an EV traction magnet at 150 degC, strategy by strategy, and what each saves per
year at the seed's 2040 demand for EV traction NdFeB.

Run: python examples/python/ev_traction_dy_savings.py
"""

import magmat as mm

MAGNET_KG_PER_MOTOR = 1.5  # illustrative magnet mass of one traction motor


def table(study):
    print(f"{'strategy':<22} {'ok':<3} {'Dy wt%':>7} {'Tb wt%':>7} {'Nd wt%':>7} {'RE $/kg':>8} "
          f"{'Dy saved t/y':>13} {'Tb saved t/y':>13}")
    for row in study:
        if not row.feasible:
            print(f"{row.strategy:<22} no  {row.reason}")
            continue
        saved = row.saving_vs_baseline
        cost = row.rare_earth_cost_per_kg
        print(f"{row.strategy:<22} yes {100 * row.dy_mass_fraction:7.3f} {100 * row.tb_mass_fraction:7.3f} "
              f"{100 * row.nd_mass_fraction:7.2f} {cost if cost is not None else float('nan'):8.2f} "
              f"{saved.get('Dy', float('nan')):13.1f} {saved.get('Tb', float('nan')):13.1f}")


def main():
    demand = mm.supply_scenario("ev_traction_ndfeb_world")
    tonnes_2040 = demand.at(2040)
    print(f"EV traction NdFeB demand in 2040: {tonnes_2040:,.0f} t/year ({demand.source}, {demand.location})")
    for title, requirement in [
        ("150 degC, Pc = 2", mm.Requirement(temperature_C=150, permeance=2.0)),
        ("150 degC, Pc = 2, 300 kA/m armature reaction (illustrative)",
         mm.Requirement(temperature_C=150, permeance=2.0, external_field=3.0e5)),
    ]:
        study = mm.design_study(requirement, magnet_mass_kg=MAGNET_KG_PER_MOTOR, magnet_tonnes_per_year=tonnes_2040)
        print(f"\n{title}; savings against {study.baseline}, costs in {study.currency} ({study.price_table}):")
        table(study)


if __name__ == "__main__":
    main()
