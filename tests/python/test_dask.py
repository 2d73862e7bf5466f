"""magmat.dask on a dask.distributed LocalCluster with 2 worker processes on loopback: the result
equals the in-process batch result."""

import numpy as np
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

import magmat as mm  # noqa: E402
import magmat.dask as mdask  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


def test_sweep_on_two_worker_processes_equals_the_batch_result(client):
    candidates = mdask.random_candidates(2000, chunks=250, seed=3)
    lazy = mdask.evaluate(candidates, temperature_C=150)
    assert lazy.npartitions == 8
    remote = client.compute(lazy).result()
    local = mm.evaluate(candidates.compute(), temperature_C=150)
    assert list(remote.index) == list(local.index)
    for column in mdask.RESULT_COLUMNS:
        assert np.array_equal(remote[column].to_numpy(), local[column].to_numpy()), column


def test_mapping_of_dask_arrays_and_masking(client):
    import dask.array as da

    nd = da.from_array(np.array([31.0, 31.0, -1.0, 30.0]), chunks=2)
    fe = da.from_array(np.array([68.0, 68.0, 100.0, 69.0]), chunks=2)
    b = da.from_array(np.ones(4), chunks=2)
    result = client.compute(mdask.evaluate({"Nd": nd, "Fe": fe, "B": b}, temperature_C=20, errors="mask")).result()
    assert list(result["valid"]) == [True, True, False, True]
    assert np.isnan(result["remanence"].iloc[2])


def test_design_studies_as_tasks(client):
    requirements = [{"temperature_C": t, "permeance": 2.0} for t in (120, 150, 180)]
    frame = mdask.design_studies(requirements, client=client, magnet_mass_kg=1.5, units_per_year=1e6)
    assert len(frame) == 3 * len(mm.strategy_names())
    local = mm.design_study(mm.Requirement(temperature_C=150, permeance=2.0), magnet_mass_kg=1.5,
                            units_per_year=1e6).to_dataframe()
    remote = frame[frame["requirement_temperature_C"] == 150].reset_index(drop=True)
    assert np.allclose(remote["Dy_t_per_year"].to_numpy(), local["Dy_t_per_year"].to_numpy(), equal_nan=True)


def test_design_studies_against_a_magnet_of_ones_own(client):
    # The baseline Magnet travels to the workers by pickle.
    grade = mm.Catalog.default()["N42SH"]
    requirements = [{"temperature_C": t, "permeance": 2.0} for t in (120, 150)]
    frame = mdask.design_studies(requirements, client=client, strategies=["gbd_tb"], baseline=grade,
                                 magnet_mass_kg=1.5, units_per_year=1e6)
    assert sorted(set(frame["strategy"])) == ["N42SH", "gbd_tb"]
    local = mm.design_study(mm.Requirement(temperature_C=150, permeance=2.0), ["gbd_tb"], baseline=grade,
                            magnet_mass_kg=1.5, units_per_year=1e6).to_dataframe()
    remote = frame[frame["requirement_temperature_C"] == 150].reset_index(drop=True)
    assert np.allclose(remote["Dy_saving_t_per_year"].to_numpy(), local["Dy_saving_t_per_year"].to_numpy(),
                       equal_nan=True)


def test_bad_input():
    with pytest.raises(ValueError, match="dask"):
        mdask.evaluate({"Nd": np.ones(3)})
    with pytest.raises(ValueError, match="errors"):
        mdask.evaluate(mdask.random_candidates(10, 5), errors="ignore")
    with pytest.raises(mm.DomainError):
        mdask.design_studies([{"temperature_C": 150}])


def test_text_temperature_is_refused_before_any_task():
    # Issue [12] item 12: float('150') accepted text that mm.evaluate refuses.
    import dask.array as da

    nd = da.from_array(np.array([30.0]))
    with pytest.raises(TypeError, match="temperature_C.*not text"):
        mdask.evaluate({"Nd": nd, "Fe": nd * 0 + 69.0, "B": nd * 0 + 1.0}, temperature_C="150")
