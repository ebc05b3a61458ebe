"""core.optimizers against the equations of OPTIMIZERS.md."""

import copy
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.optimizers import OPTIMIZER_NAMES, convention, defaults, latex, make
from tests import reference_rules
from tests.cases import CONFIGS, case_id

X0 = [1.0, -2.0]
# Big, then small gradients: the second moment falls at step 3, so AMSGrad's max matters.
GRADS = [[4.0, -1.0], [0.5, 2.0], [0.1, -0.3]]


def _points(opt, x0, grads):
    x = np.array(x0)
    state, out = opt.init(x), []
    for g in grads:
        u, state = opt.update(np.array(g), state, x)
        x = x + u
        out.append(x)
    return np.array(out)


@pytest.mark.parametrize("case", CONFIGS, ids=case_id)
def test_first_three_steps_match_the_equations(case):
    name, hp = case
    got = _points(make(name, **hp), X0, GRADS)
    want = reference_rules.steps(name, hp, X0, GRADS)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)


def test_amsgrad_really_takes_the_max():
    plain = _points(make("adam", lr=0.05), X0, GRADS)
    ams = _points(make("adam", lr=0.05, amsgrad=True), X0, GRADS)
    np.testing.assert_array_equal(plain[:2], ams[:2])
    gap = abs(plain[2, 0] - ams[2, 0])
    assert gap > 1e-7, f"v fell at step 3, so AMSGrad must differ there (gap {gap:.2e})"


def test_first_steps_have_the_documented_size():
    g = np.array([1e-3, 5.0])
    x = np.zeros(2)
    u, _ = make("adam", lr=0.1).update(g, make("adam").init(x), x)
    np.testing.assert_allclose(u, -0.1 * np.sign(g), rtol=1e-4)     # bias correction: |u_1| ≈ lr
    u, _ = make("rmsprop", lr=0.1).update(g, make("rmsprop").init(x), x)
    np.testing.assert_allclose(u, -0.1 * np.sign(g) / math.sqrt(0.01), rtol=1e-4)  # ≈ 10·lr
    u, _ = make("sgd", lr=0.1, momentum=0.9, dampening=0.5).update(g, make("sgd").init(x), x)
    np.testing.assert_allclose(u, -0.1 * g)                          # no dampening at t = 1


@pytest.mark.parametrize("case", CONFIGS, ids=case_id)
def test_update_is_pure(case):
    name, hp = case
    opt = make(name, **hp)
    x, g = np.array([0.3, -1.2]), np.array([2.0, 0.7])
    state = opt.init(x)
    for _ in range(2):
        _, state = opt.update(g, state, x)
    before = copy.deepcopy((x, g, state))
    _, new_state = opt.update(g, state, x)
    for a, b in zip((x, g, *state), (before[0], before[1], *before[2]), strict=True):
        np.testing.assert_array_equal(a, b)
    assert new_state.t == state.t + 1


@pytest.mark.parametrize("case", CONFIGS, ids=case_id)
@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_a_batch_equals_separate_runs(case, seed):
    name, hp = case
    rng = np.random.default_rng(seed)
    xs = rng.normal(size=(4, 3))
    grads = rng.normal(size=(5, 4, 3))
    lr = hp.get("lr", defaults(name)["lr"]) * np.array([[0.3], [1.0], [2.0], [0.7]])
    batch = _points(make(name, **{**hp, "lr": lr}), xs, grads)
    for b in range(4):
        single = _points(make(name, **{**hp, "lr": float(lr[b, 0])}), xs[b], grads[:, b])
        np.testing.assert_allclose(batch[:, b], single, rtol=1e-13, atol=1e-15)


def test_swept_momentum_with_a_zero_is_plain_sgd_there():
    grads = np.array(GRADS)
    batch = _points(make("sgd", lr=0.1, momentum=np.array([[0.0], [0.9]]), dampening=0.3),
                    np.array([X0, X0]), grads[:, None, :].repeat(2, 1))
    np.testing.assert_allclose(batch[:, 0], _points(make("sgd", lr=0.1), X0, grads))
    np.testing.assert_allclose(batch[:, 1],
                               _points(make("sgd", lr=0.1, momentum=0.9, dampening=0.3), X0, grads))


SENSIBLE_LR = {"sgd": 0.1, "adagrad": 0.5, "rmsprop": 0.01, "adadelta": 1.0, "adam": 0.01,
               "adamw": 0.01, "nadam": 0.01}


@pytest.mark.parametrize("case", CONFIGS, ids=case_id)
def test_converges_on_a_well_conditioned_bowl(case):
    name, hp = case
    hp = {**hp, "lr": SENSIBLE_LR[name], "weight_decay": 0.0}
    opt = make(name, **hp)
    x = np.array([1.5, -1.0])
    state = opt.init(x)
    for _ in range(2000):
        u, state = opt.update(np.array([1.0, 2.0]) * x, state, x)   # ∇ of ½(x² + 2y²)
        x = x + u
    assert np.linalg.norm(x) < 1e-2, f"{name} {hp} ended at {x} after 2000 steps"


BAD = [
    ("sgd", {"lr": 0.0}), ("sgd", {"lr": -0.1}), ("sgd", {"lr": float("nan")}),
    ("sgd", {"lr": "fast"}), ("sgd", {"momentum": -0.1}), ("sgd", {"dampening": 1.5}),
    ("sgd", {"nesterov": True}), ("sgd", {"nesterov": True, "momentum": 0.9, "dampening": 0.1}),
    ("sgd", {"nesterov": "yes", "momentum": 0.9}), ("sgd", {"betas": (0.9, 0.99)}),
    ("sgd", {"lr": np.array([0.1, -0.1])}), ("adagrad", {"lr_decay": -1.0}),
    ("adagrad", {"initial_accumulator_value": -0.1}), ("adagrad", {"eps": -1e-10}),
    ("rmsprop", {"alpha": 1.5}), ("rmsprop", {"momentum": -0.5}), ("adadelta", {"rho": 1.1}),
    ("adam", {"betas": (1.0, 0.999)}), ("adam", {"betas": (0.9, -0.1)}),
    ("adam", {"betas": (0.9,)}), ("adam", {"betas": 0.9}), ("adam", {"weight_decay": -0.01}),
    ("adamw", {"lr": float("inf")}), ("nadam", {"momentum_decay": -0.004}),
    ("nadam", {"amsgrad": True}),
]


@pytest.mark.parametrize("case", BAD, ids=case_id)
def test_invalid_hyperparameters_raise_a_readable_error(case):
    name, hp = case
    with pytest.raises(ValueError, match=name):
        make(name, **hp)


def test_unknown_optimizer_is_named_in_the_error():
    with pytest.raises(ValueError, match="unknown optimizer 'lbfgs'.*sgd"):
        make("lbfgs")


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_defaults_are_torchs(name):
    expected = {"sgd": 1e-3, "adagrad": 1e-2, "rmsprop": 1e-2, "adadelta": 1.0, "adam": 1e-3,
                "adamw": 1e-3, "nadam": 2e-3}
    assert defaults(name)["lr"] == expected[name]
    assert make(name).hparams == {**defaults(name), **make(name).hparams}


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_docstring_carries_latex_and_a_convention(name):
    eq = latex(name)
    assert eq.startswith(r"\begin{aligned}") and eq.endswith(r"\end{aligned}")
    assert eq.count(r"\begin") == eq.count(r"\end")
    assert "x_t" in eq or "x'_" in eq
    assert len(convention(name)) > 40
