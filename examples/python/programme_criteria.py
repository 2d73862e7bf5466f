"""The support programme's numbers (METI 2025): which magnets meet (BH)max >= 150 kJ/m^3 and
HcJ >= 800 kA/m at room temperature, and does a motor meet 10,000 rpm and 50 Nm/L?

Run: python examples/python/programme_criteria.py
"""

import magmat as mm


def main():
    cat = mm.Catalog.default()
    magnets = [cat["N42SH"], cat["N52"], cat["BN9"], cat["YXG28H"], cat["Y30"],
               mm.Magnet.from_composition({"Nd": 31.0, "Fe": 68.0, "B": 1.0}, process="hot_deformed")]
    print(f"{'magnet':<34} {'(BH)max kJ/m3':>14} {'HcJ kA/m':>9} {'passes':>7} {'eligible':>9}")
    for m in magnets:
        c = mm.check_policy(m, temperature_C=20)
        print(f"{m.name:<34} {c.max_energy_product / 1e3:14.0f} {c.intrinsic_coercivity / 1e3:9.0f} "
              f"{str(c.passes):>7} {str(c.eligible):>9}")
    motor = mm.check_motor(rated_speed_rpm=12000, torque_Nm=250, active_volume_L=4.5)
    print(f"\nmotor 12,000 rpm, 250 Nm in 4.5 L: {motor.torque_density:.1f} Nm/L, passes = {motor.passes}")


if __name__ == "__main__":
    main()
