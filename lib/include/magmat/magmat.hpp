// Umbrella header: everything magmat offers without optional dependencies.
#pragma once

#include <magmat/errors.hpp>
#include <magmat/units.hpp>
#include <magmat/units/cgs_magnetic.hpp>
#include <magmat/units/literals.hpp>
#include <magmat/unit_conversion.hpp>
#include <magmat/elements.hpp>
#include <magmat/composition.hpp>
#include <magmat/formula_reading.hpp>
#include <magmat/temperature.hpp>
#include <magmat/phases.hpp>
#include <magmat/demag.hpp>
#include <magmat/magnet.hpp>
#include <magmat/catalog.hpp>
#include <magmat/data_files.hpp>
#include <magmat/permeance.hpp>
#include <magmat/shapes.hpp>
#include <magmat/thermal.hpp>
#include <magmat/volume_loss.hpp>
#include <magmat/heavy_rare_earth.hpp>
#include <magmat/design_study.hpp>
#include <magmat/policy.hpp>
#include <magmat/report.hpp>
#include <magmat/prices.hpp>
#include <magmat/scenarios.hpp>
#include <magmat/batch.hpp>
