"""Adamax, RAdam, Rprop and ASGD against torch 2.13 (skipped without torch), and their contract.

Parity follows test_torch_parity: torch runs on a rippled bowl, the gradients it saw
are replayed into our rule, and the points (and ASGD's averaged point) are compared.
torch's default dtype is set to float64, since torch keeps ASGD's η and μ (and every
step count) in it.
"""

import copy
import inspect

import numpy as np
import pytest

from core.optimizers import RULES, convention, defaults, latex, make
from tests.newer_cases import NEWER_CONFIGS, newer_id
from tests.parity import gap, replay_states

TORCH = {"adamax": "Adamax", "radam": "RAdam", "rprop": "Rprop", "asgd": "ASGD"}
STEPS = 300
TOL = 1e-12
X0 = np.array([1.3, -0.8, 2.0])
A = np.array([[3.0, 0.5, 0.0], [0.5, 1.0, 0.2], [0.0, 0.2, 0.1]])


def bowl_grad(x):
    """∇ of ½ xᵀAx + Σ (1 − cos 3xᵢ)/6: a bowl with ripples, so the paths curve."""
    return x @ A + 0.5 * np.sin(3 * x)


def lr_schedule(base, steps):
    """A decaying, wobbling rate: a rule reading lr at the wrong step cannot match torch."""
    k = np.arange(steps)
    return base * 0.99**k * (1.0 + 0.5 * np.sin(0.7 * k))


@pytest.fixture
def torch():
    torch = pytest.importorskip("torch")
    old = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    yield torch
    torch.set_default_dtype(old)


def torch_path(torch, name, hp, steps, lrs=None):
    """torch's points x_0..x_T, the gradients it was fed and ASGD's ax after every step."""
    p = torch.tensor(X0, dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, TORCH[name])([p], foreach=False, **hp)
    points, grads, axs = [X0.copy()], [], []
    for k in range(steps):
        if lrs is not None:
            opt.param_groups[0]["lr"] = float(lrs[k])
        grads.append(bowl_grad(points[-1]))
        p.grad = torch.from_numpy(grads[-1].copy())
        opt.step()
        points.append(p.detach().numpy().copy())
        if name == "asgd":
            axs.append(opt.state[p]["ax"].numpy().copy())
    return np.array(points), np.array(grads), np.array(axs)


def check_parity(torch, name, hp, lrs=None):
    want, grads, axs = torch_path(torch, name, hp, STEPS, lrs)
    got, states = replay_states(make(name, **hp), X0, grads, lrs)
    err = gap(got, want)
    assert err <= TOL, f"{name} {hp}: largest gap to torch {err:.2e} (relative to |x|max)"
    if name == "asgd":
        ours = np.array([s.ax for s in states])
        err = gap(ours, axs)
        assert err <= TOL, f"asgd {hp}: averaged point ax off torch's by {err:.2e}"


@pytest.mark.parametrize("case", NEWER_CONFIGS, ids=newer_id)
def test_matches_torch_over_many_steps(torch, case):
    check_parity(torch, *case)


@pytest.mark.parametrize("case", NEWER_CONFIGS, ids=newer_id)
def test_matches_torch_under_a_changing_learning_rate(torch, case):
    name, hp = case
    base = hp.get("lr", defaults(name)["lr"])
    check_parity(torch, name, hp, lr_schedule(base, STEPS))


def _grads(steps):
    return list(np.random.default_rng(0).normal(size=(steps, 3)))


@pytest.mark.parametrize("hp", [c[1] for c in NEWER_CONFIGS if c[0] == "asgd" and "t0" in c[1]])
def test_asgd_averaging_really_starts(hp):
    """With a small t0 the averaged point must have left the iterate (else ax is untested)."""
    points, states = replay_states(make("asgd", **hp), X0, _grads(STEPS))
    assert states[-1].mu < 1.0
    assert np.max(np.abs(states[-1].ax - points[-1])) > 1e-6
    np.testing.assert_array_equal(states[0].ax, points[1])      # μ_1 = 1: a_1 = x_1


def test_rprop_reads_the_learning_rate_only_at_its_first_step():
    lrs = lr_schedule(0.05, STEPS)
    scheduled, _ = replay_states(make("rprop"), X0, _grads(STEPS), lrs)
    constant, _ = replay_states(make("rprop", lr=float(lrs[0])), X0, _grads(STEPS))
    np.testing.assert_array_equal(scheduled, constant)


def test_radam_takes_momentum_steps_until_rho_exceeds_5():
    g = np.array([2.0, -0.5, 1e-3])
    points, _ = replay_states(make("radam", lr=0.1), np.zeros(3), [g] * 6)
    np.testing.assert_allclose(points[1] - points[0], -0.1 * g, rtol=1e-14)   # m̂_1 = g_1
    np.testing.assert_allclose(points[5] - points[4], -0.1 * g, rtol=1e-14)   # ρ_5 ≈ 4.996
    ratio = (points[6] - points[5]) / (-0.1 * np.sign(g))                      # ρ_6 ≈ 5.994
    assert np.all((0.02 < ratio) & (ratio < 0.03)), f"rectified step 6 / lr = {ratio}"


@pytest.mark.parametrize("case", NEWER_CONFIGS, ids=newer_id)
def test_update_is_pure(case):
    name, hp = case
    opt = make(name, **hp)
    x, g = np.array([0.3, -1.2, 0.5]), np.array([2.0, 0.7, -0.4])
    state = opt.init(x)
    for sign in (1, -1):
        _, state = opt.update(sign * g, state, x)
    before = copy.deepcopy((x, g, state))
    _, new_state = opt.update(g, state, x, lr=0.03)
    for a, b in zip((x, g, *state), (before[0], before[1], *before[2]), strict=True):
        np.testing.assert_array_equal(a, b)
    assert new_state.t == state.t + 1


def _with(hp, knob, value):
    """``hp`` with ``knob`` set to ``value`` (for betas: β₂ only)."""
    return {**hp, knob: (hp[knob][0], value) if knob == "betas" else value}


def _batch_vs_single(name, hp, knob, values, lrs=None):
    """A batch sweeping ``knob`` over ``values`` equals the runs one at a time, bit for bit,
    in the points and in every state field."""
    rng = np.random.default_rng(1)
    xs, grads = rng.normal(size=(4, 3)), rng.normal(size=(60, 4, 3))
    batch_lrs = None if lrs is None else [np.full((4, 1), lr) for lr in lrs]
    batch, batch_states = replay_states(make(name, **_with(hp, knob, np.array(values)[:, None])),
                                 xs, grads, batch_lrs)
    for b, value in enumerate(values):
        one_opt = make(name, **_with(hp, knob, value))
        single, states = replay_states(one_opt, xs[b], grads[:, b], lrs)
        np.testing.assert_array_equal(batch[:, b], single, err_msg=f"{name} {knob}={value}")
        for ours, one in zip(batch_states, states, strict=True):
            for field, fb, fs in zip(one._fields, ours, one, strict=True):
                row = np.asarray(fb)[b] if np.ndim(fb) else fb
                want = np.broadcast_to(fs, np.shape(row))
                np.testing.assert_array_equal(np.ravel(row), np.ravel(want),
                                              err_msg=f"{name} {knob}={value}: state.{field}")


@pytest.mark.parametrize("case", NEWER_CONFIGS, ids=newer_id)
def test_a_learning_rate_batch_equals_separate_runs_bit_for_bit(case):
    name, hp = case
    lr = hp.get("lr", defaults(name)["lr"])
    _batch_vs_single(name, hp, "lr", [0.3 * lr, lr, 2.0 * lr, 0.7 * lr])


SWEEPS = [
    ("radam", {"lr": 0.05, "betas": (0.9, 0.999)}, "betas", [0.999, 0.5, 0.99, 0.0]),
    ("adamax", {"lr": 0.05}, "eps", [1e-8, 1e-3, 0.0, 0.1]),
    ("rprop", {"lr": 0.05}, "etas", [(0.5, 1.2), (0.3, 1.5), (0.9, 1.01), (0.5, 2.0)]),
    ("asgd", {"lr": 0.05, "lambd": 0.01}, "t0", [0.0, 10.0, 30.0, 1e6]),
]


@pytest.mark.parametrize("name, hp, knob, values", SWEEPS, ids=[s[0] + "-" + s[2] for s in SWEEPS])
def test_a_sweep_of_another_knob_equals_separate_runs(name, hp, knob, values):
    if knob == "etas":   # a pair of arrays
        rng = np.random.default_rng(2)
        xs, grads = rng.normal(size=(4, 3)), rng.normal(size=(60, 4, 3))
        etas = tuple(np.array([v[i] for v in values])[:, None] for i in range(2))
        batch, _ = replay_states(make(name, **hp, etas=etas), xs, grads)
        for b, v in enumerate(values):
            single, _ = replay_states(make(name, **hp, etas=v), xs[b], grads[:, b])
            np.testing.assert_array_equal(batch[:, b], single)
        return
    _batch_vs_single(name, hp, knob, values, lrs=lr_schedule(hp["lr"], 60))


BAD = [
    ("adamax", {"lr": 0.0}, "lr"), ("adamax", {"betas": (1.0, 0.9)}, r"betas\[0\]"),
    ("adamax", {"betas": (0.9, -0.1)}, r"betas\[1\]"), ("adamax", {"eps": -1.0}, "eps"),
    ("adamax", {"weight_decay": -0.1}, "weight_decay"), ("radam", {"lr": -1e-3}, "lr"),
    ("radam", {"betas": 0.9}, "betas"), ("radam", {"eps": float("nan")}, "eps"),
    ("radam", {"weight_decay": -1.0}, "weight_decay"),
    ("radam", {"decoupled_weight_decay": "yes"}, "decoupled_weight_decay"),
    ("rprop", {"lr": 0.0}, "lr"), ("rprop", {"etas": (1.0, 1.2)}, r"etas\[0\]"),
    ("rprop", {"etas": (0.0, 1.2)}, r"etas\[0\]"), ("rprop", {"etas": (0.5, 1.0)}, r"etas\[1\]"),
    ("rprop", {"etas": 0.5}, "etas"), ("rprop", {"step_sizes": (-1.0, 1.0)}, r"step_sizes\[0\]"),
    ("rprop", {"step_sizes": (1.0, 0.1)}, "step_sizes"), ("asgd", {"lr": -0.1}, "lr"),
    ("asgd", {"lambd": -1e-4}, "lambd"), ("asgd", {"alpha": -0.5}, "alpha"),
    ("asgd", {"t0": -1.0}, "t0"), ("asgd", {"weight_decay": -0.1}, "weight_decay"),
    ("asgd", {"momentum": 0.9}, "momentum"), ("asgd", {"lr": np.array([0.1, -0.1])}, "lr"),
]


@pytest.mark.parametrize("name, hp, knob", BAD, ids=[f"{b[0]}-{b[2]}" for b in BAD])
def test_invalid_hyperparameters_are_refused_by_name(name, hp, knob):
    with pytest.raises(ValueError, match=f"{name}: .*{knob}"):
        make(name, **hp)


@pytest.mark.parametrize("name", list(TORCH))
def test_defaults_are_torchs(torch, name):
    params = inspect.signature(getattr(torch.optim, TORCH[name]).__init__).parameters
    ours = defaults(name)
    skip = {"self", "params", "foreach", "maximize", "capturable", "differentiable"}
    assert set(ours) == set(params) - skip
    for key, value in ours.items():
        theirs = params[key].default
        assert np.allclose(theirs, value), f"{name}.{key}: torch {theirs}, ours {value}"
        assert make(name).hparams[key] == pytest.approx(theirs)


KEYWORDS = {"adamax": "inside the max", "radam": "ρ_t > 5", "rprop": "first step",
            "asgd": "state.ax"}


@pytest.mark.parametrize("name", list(TORCH))
def test_docstring_has_latex_and_a_convention(name):
    tex = latex(name)
    assert tex.startswith(r"\begin{aligned}") and tex.endswith(r"\end{aligned}")
    assert "x_t" in tex
    assert KEYWORDS[name] in convention(name)
    summary = inspect.getdoc(RULES[name]).splitlines()[0]
    assert summary.lower().startswith(name + ":")
