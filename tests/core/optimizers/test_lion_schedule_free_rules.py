"""Lion and Schedule-Free AdamW by their equations: first steps, purity, batches, errors.

NumPy only; the parity with the reference packages is in test_lion_schedule_free.py.
"""

import copy

import numpy as np
import pytest

from core.optimizers import make, schedule_free_eval_point
from core.training.run import run
from tests.core.optimizers.test_lion_schedule_free import PACKAGES, X0, A, bowl_grad, case_id


def test_lion_steps_are_signs_and_its_momentum_lags():
    opt = make("lion", lr=0.1, betas=(0.9, 0.99))
    x = np.array([1.0, -2.0, 0.5])
    u, s = opt.update(np.array([3.0, -1e-9, 0.0]), opt.init(x), x)
    np.testing.assert_array_equal(u, [-0.1, 0.1, 0.0])             # ±η, 0 where c = 0
    np.testing.assert_allclose(s.m, [0.03, -1e-11, 0.0])
    # c = 0.9·m + 0.1·g: a small opposite gradient does not flip the direction yet
    u, _ = opt.update(np.array([-0.2, 0.0, 0.0]), s, x)
    assert u[0] == -0.1


def test_lion_decoupled_decay_is_divided_by_the_initial_lr():
    x, g = np.array([2.0]), np.array([0.0])
    plain = make("lion", lr=0.01, weight_decay=0.5)
    dec = make("lion", lr=0.01, weight_decay=0.5, decoupled_weight_decay=True)
    np.testing.assert_allclose(plain.update(g, plain.init(x), x)[0], -0.01 * 0.5 * 2.0)
    np.testing.assert_allclose(dec.update(g, dec.init(x), x)[0], -0.5 * 2.0)
    np.testing.assert_allclose(dec.update(g, dec.init(x), x, lr=0.005)[0], -0.25 * 2.0)


def test_schedule_free_first_step_and_average():
    """Step 1: c = 1, so x₁ = z₁ = y₁ = x₀ − η·g/(|g| + ε); step 2 averages with c = ½."""
    opt = make("schedule_free_adamw", lr=0.1, eps=0.0)
    x0, g = np.array([1.0, -1.0]), np.array([4.0, -0.5])
    u, s = opt.update(g, opt.init(x0), x0)
    np.testing.assert_allclose(u, -0.1 * np.sign(g))
    np.testing.assert_allclose(schedule_free_eval_point(s), x0 + u)
    x1 = x0 + u
    u2, s2 = opt.update(g, s, x1)
    np.testing.assert_allclose(s2.x, 0.5 * (s.z + s2.z))            # r = 0, constant η: c₂ = ½
    np.testing.assert_allclose(x1 + u2, 0.1 * s2.z + 0.9 * s2.x)    # y = (1−β₁)z + β₁x


def test_schedule_free_warmup_scales_the_step():
    opt = make("schedule_free_adamw", lr=0.1, eps=0.0, warmup_steps=4)
    x = np.zeros(1)
    u, _ = opt.update(np.ones(1), opt.init(x), x)
    np.testing.assert_allclose(u, -0.1 / 4)


SMALL = [("lion", {"lr": 0.05, "weight_decay": 0.1}),
         ("lion", {"lr": 0.05, "weight_decay": 0.01, "decoupled_weight_decay": True}),
         ("schedule_free_adamw", {"lr": 0.05, "weight_decay": 0.1, "warmup_steps": 3, "r": 1.0})]


@pytest.mark.parametrize("case", SMALL, ids=case_id)
def test_update_is_pure(case):
    name, hp = case
    opt = make(name, **hp)
    x, g = np.array([0.3, -1.2]), np.array([2.0, 0.7])
    state = opt.init(x)
    for _ in range(2):
        _, state = opt.update(g, state, x)
    before = copy.deepcopy((x, g, state))
    _, new = opt.update(g, state, x, lr=0.01)
    for a, b in zip((x, g, *state), (before[0], before[1], *before[2]), strict=True):
        np.testing.assert_array_equal(a, b)
    assert new.t == state.t + 1
    assert not np.allclose(new[1], state[1]), "the new state must have moved on"


BATCHED = [("lion", "lr", {}), ("lion", "weight_decay", {"decoupled_weight_decay": True}),
           ("schedule_free_adamw", "lr", {"warmup_steps": 3, "r": 0.5}),
           ("schedule_free_adamw", "warmup_steps", {"weight_decay": 0.1}),
           ("schedule_free_adamw", "weight_lr_power", {"warmup_steps": 5})]
VALUES = {"lr": [0.01, 0.03, 0.1, 0.2], "weight_decay": [0.0, 0.01, 0.05, 0.1],
          "warmup_steps": [0, 1, 4, 9], "weight_lr_power": [0.0, 1.0, 2.0, 3.5]}


@pytest.mark.parametrize("name,knob,extra", BATCHED)
def test_a_batch_of_hyperparameters_equals_separate_runs_bit_for_bit(name, knob, extra):
    rng = np.random.default_rng(7)
    xs, grads = rng.normal(size=(4, 3)), rng.normal(size=(12, 4, 3))
    lrs = 0.05 * (1 + np.arange(12) % 4)                       # a per-step lr as well
    values = VALUES[knob]
    column = np.array(values)[:, None]
    batch = make(name, **{"lr": 0.05, **extra, knob: column})
    got = _replay_batch(batch, xs, grads, lrs if knob != "lr" else None)
    for b, value in enumerate(values):
        value = int(value) if knob == "warmup_steps" else value
        one = make(name, **{"lr": 0.05, **extra, knob: value})
        want = _replay_batch(one, xs[b], grads[:, b], lrs if knob != "lr" else None)
        np.testing.assert_array_equal(got[:, b], want)
    assert np.ptp(got[-1], axis=0).max() > 1e-6


def _replay_batch(opt, x, grads, lrs):
    state, out = opt.init(x), []
    for k, g in enumerate(grads):
        u, state = opt.update(g, state, x, lr=None if lrs is None else lrs[k])
        x = x + u
        out.append(x)
    return np.array(out)


def test_run_sweeps_learning_rates_and_records_states():
    lrs = np.logspace(-3, -1, 5)[:, None]
    for name in PACKAGES:
        tr = run(make(name, lr=lrs), _Bowl(), X0, 40, record_states=True)
        assert tr.points.shape == (41, 5, 3) and np.all(tr.diverged_at == -1)
        assert np.all(np.linalg.norm(tr.points[-1], axis=-1) < np.linalg.norm(X0))
    tr = run(make("schedule_free_adamw", lr=lrs), _Bowl(), X0, 40, record_states=True)
    np.testing.assert_allclose(tr.states.x[-1], schedule_free_eval_point(
        type(tr.states)(*(f[-1] for f in tr.states))))


class _Bowl:
    def f(self, x):
        return 0.5 * np.einsum("...i,ij,...j->...", x, A, x) + np.sum(1 - np.cos(3 * x), -1) / 6

    def grad(self, x):
        return bowl_grad(x)


BAD = [("lion", {"lr": 0.0}, "lr"), ("lion", {"lr": -1e-3}, "lr"),
       ("lion", {"betas": (1.1, 0.9)}, "betas[0]"), ("lion", {"betas": (0.9, -0.1)}, "betas[1]"),
       ("lion", {"betas": 0.9}, "betas"), ("lion", {"weight_decay": -0.1}, "weight_decay"),
       ("lion", {"decoupled_weight_decay": "yes"}, "decoupled_weight_decay"),
       ("lion", {"use_triton": True}, "use_triton"),
       ("schedule_free_adamw", {"lr": 0.0}, "lr"),
       ("schedule_free_adamw", {"betas": (0.9, 1.0)}, "betas[1]"),
       ("schedule_free_adamw", {"betas": (-0.5, 0.9)}, "betas[0]"),
       ("schedule_free_adamw", {"eps": -1e-8}, "eps"),
       ("schedule_free_adamw", {"weight_decay": float("nan")}, "weight_decay"),
       ("schedule_free_adamw", {"warmup_steps": -1}, "warmup_steps"),
       ("schedule_free_adamw", {"warmup_steps": 2.5}, "warmup_steps"),
       ("schedule_free_adamw", {"warmup_steps": True}, "warmup_steps"),
       ("schedule_free_adamw", {"r": -1.0}, "r"),
       ("schedule_free_adamw", {"weight_lr_power": "two"}, "weight_lr_power"),
       ("schedule_free_adamw", {"lr": np.array([[0.1], [-0.1]])}, "lr"),
       ("schedule_free_adamw", {"foreach": True}, "foreach")]


@pytest.mark.parametrize("name,hp,knob", BAD, ids=lambda v: str(v))
def test_invalid_hyperparameters_name_the_knob(name, hp, knob):
    with pytest.raises(ValueError, match=name) as err:
        make(name, **hp)
    assert knob in str(err.value)
