"""core.problems.datasets: seeded, balanced, shaped as promised, and refusing bad settings."""

import numpy as np
import pytest

from core.problems.datasets import DATASET_NAMES, make_dataset


@pytest.mark.parametrize("name", DATASET_NAMES)
def test_shapes_labels_and_balance(name):
    ds = make_dataset(name, n=201, noise=0.1, seed=3)
    assert ds.X.shape == (201, 2) and ds.y.shape == (201,)
    assert set(np.unique(ds.y)) == {0.0, 1.0}
    assert ds.y.sum() == 100, f"{name}: {ds.y.sum()} points of class 1, expected 100"
    assert np.all(np.isfinite(ds.X))
    assert np.abs(ds.X).max() < 3.0, f"{name}: points reach {np.abs(ds.X).max():.2f}"


@pytest.mark.parametrize("name", DATASET_NAMES)
def test_same_seed_same_points_other_seed_other_points(name):
    a, b = make_dataset(name, seed=7), make_dataset(name, seed=7)
    c = make_dataset(name, seed=8)
    assert np.array_equal(a.X, b.X) and np.array_equal(a.y, b.y)
    assert not np.allclose(a.X, c.X)


@pytest.mark.parametrize("name", DATASET_NAMES)
def test_shuffled_so_a_prefix_holds_both_classes(name):
    ds = make_dataset(name, n=200, seed=0)
    share = ds.y[:40].mean()
    assert 0.2 < share < 0.8, f"{name}: first 40 points have class-1 share {share:.2f}"


def test_circles_are_separated_by_radius_without_noise():
    ds = make_dataset("circles", n=100, noise=0.0, seed=1)
    r = np.linalg.norm(ds.X, axis=1)
    np.testing.assert_allclose(r[ds.y == 0], 1.4)
    np.testing.assert_allclose(r[ds.y == 1], 0.6)


def test_noise_moves_points_by_about_its_size():
    clean = make_dataset("moons", n=400, noise=0.0, seed=2)
    noisy = make_dataset("moons", n=400, noise=0.2, seed=2)
    assert np.array_equal(clean.y, noisy.y)
    spread = np.std(noisy.X - clean.X)
    assert 0.15 < spread < 0.25, f"noise 0.2 moved points by std {spread:.3f}"


def test_box_contains_every_point():
    ds = make_dataset("spirals", seed=4)
    (x0, x1), (y0, y1) = ds.box(pad=0.1)
    assert x0 < ds.X[:, 0].min() and ds.X[:, 0].max() < x1
    assert y0 < ds.X[:, 1].min() and ds.X[:, 1].max() < y1


@pytest.mark.parametrize("kwargs", [
    {"name": "blobs"}, {"name": "moons", "n": 5}, {"name": "moons", "n": 10**6},
    {"name": "moons", "n": 20.5}, {"name": "moons", "n": True},
    {"name": "moons", "noise": -0.1}, {"name": "moons", "noise": float("nan")},
])
def test_bad_settings_raise_value_error(kwargs):
    with pytest.raises(ValueError):
        make_dataset(**kwargs)
