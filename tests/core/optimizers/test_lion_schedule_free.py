"""Lion and Schedule-Free AdamW against their reference packages (lion-pytorch, schedulefree).

As in test_torch_parity, the package runs on a rippled bowl and the gradients it saw
are replayed into our rule, so any difference in the rules shows up in the points.
Each test skips when torch or its package is missing (the NumPy-only properties of
the two rules are in test_lion_schedule_free_rules.py).
"""

import copy
import importlib.metadata
import inspect

import numpy as np
import pytest

from core.optimizers import convention, defaults, latex, make, schedule_free_eval_point
from tests.parity import gap  # noqa: E402

STEPS = 300
X0 = np.array([1.3, -0.8, 2.0])
A = np.array([[3.0, 0.5, 0.0], [0.5, 1.0, 0.2], [0.0, 0.2, 0.1]])


def bowl_grad(x):
    """∇ of ½ xᵀAx + Σ (1 − cos 3xᵢ)/6: a bowl with ripples, so paths curve."""
    return x @ A + 0.5 * np.sin(3 * x)


LION = [
    {"lr": 0.01},
    {"lr": 0.02, "weight_decay": 0.1},
    {"lr": 0.01, "weight_decay": 0.001, "decoupled_weight_decay": True},
    {"lr": 0.01, "betas": (0.5, 0.9)},
    {"lr": 0.03, "betas": (0.95, 0.98), "weight_decay": 0.2},
]
SCHEDULE_FREE = [
    {"lr": 0.05},
    {"lr": 0.05, "weight_decay": 0.1},
    {"lr": 0.05, "warmup_steps": 20},
    {"lr": 0.05, "r": 1.0},
    {"lr": 0.05, "weight_lr_power": 0.0},
    {"lr": 0.05, "betas": (0.5, 0.9), "eps": 1e-4},
    {"lr": 0.1, "warmup_steps": 50, "r": 0.5, "weight_lr_power": 1.0, "weight_decay": 0.05},
]
CASES = [("lion", hp) for hp in LION] + [("schedule_free_adamw", hp) for hp in SCHEDULE_FREE]
PACKAGES = {"lion": ("lion_pytorch", "lion-pytorch", "0.2.5"),
            "schedule_free_adamw": ("schedulefree", "schedulefree", "1.4.1")}


def case_id(case):
    name, hp = case
    return name + "".join(f"-{k}={v}" for k, v in hp.items())


def rising_then_falling(lr, steps, start=0.2):
    """A per-step learning rate that climbs to lr and falls back (new maxima, then none)."""
    k = np.arange(steps)
    return lr * (start + (1 - start) * np.sin(np.pi * (k + 0.5) / steps))


@pytest.fixture
def torch():
    torch = pytest.importorskip("torch")
    old = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    yield torch
    torch.set_default_dtype(old)


def reference_path(torch, name, hp, lrs=None, cls=None):
    """The package's points, its gradients and, for Schedule-Free, its eval-mode points
    (``eval()`` called on a copy of the optimizer after every step)."""
    p = torch.tensor(X0, dtype=torch.float64, requires_grad=True)
    if name == "lion":
        opt = pytest.importorskip("lion_pytorch").Lion([p], **hp)
    else:
        sf = pytest.importorskip("schedulefree")
        opt = getattr(sf, cls or "AdamWScheduleFree")([p], foreach=False, **hp)
        opt.train()
    points, grads, evals = [X0.copy()], [], [X0.copy()]
    for k in range(STEPS):
        if lrs is not None:
            opt.param_groups[0]["lr"] = float(lrs[k])
        grads.append(bowl_grad(points[-1]))
        p.grad = torch.from_numpy(grads[-1].copy())
        opt.step()
        points.append(p.detach().numpy().copy())
        if name != "lion":
            evals.append(_eval_point(opt))
    return np.array(points), np.array(grads), np.array(evals)


def _eval_point(opt):
    twin = copy.deepcopy(opt)
    twin.eval()
    return twin.param_groups[0]["params"][0].detach().numpy().copy()


def replay(opt, grads, lrs=None):
    x = X0.copy()
    state = opt.init(x)
    points, evals = [x], [X0.copy()]
    for k, g in enumerate(grads):
        u, state = opt.update(g, state, x, lr=None if lrs is None else float(lrs[k]))
        x = x + u
        points.append(x)
        if opt.name == "schedule_free_adamw":
            evals.append(schedule_free_eval_point(state))
    return np.array(points), np.array(evals)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_matches_the_reference_package_over_many_steps(torch, case):
    name, hp = case
    want, grads, want_eval = reference_path(torch, name, hp)
    got, got_eval = replay(make(name, **hp), grads)
    assert gap(got, want) < 1e-12, f"{name} {hp}: gap to the package {gap(got, want):.2e}"
    assert np.max(np.abs(got - X0)) > 0.5, "the test needs a path that really moves"
    if name == "schedule_free_adamw":
        err = gap(got_eval, want_eval)
        assert err < 1e-12, f"{hp}: eval-mode point off by {err:.2e}"
        assert gap(got_eval, got) > 1e-3, "the averaged point must differ from y"


@pytest.mark.parametrize("case", CASES[:3] + CASES[5:6] + CASES[7:8] + CASES[-1:], ids=case_id)
def test_a_changing_learning_rate_matches_the_package(torch, case):
    """param_groups[0]["lr"] set before every step equals passing it as ``lr=``."""
    name, hp = case
    lrs = rising_then_falling(hp["lr"], STEPS)
    want, grads, want_eval = reference_path(torch, name, hp, lrs)
    got, got_eval = replay(make(name, **hp), grads, lrs)
    assert gap(got, want) < 1e-12, f"{name} {hp}: gap with a schedule {gap(got, want):.2e}"
    if name == "schedule_free_adamw":
        assert gap(got_eval, want_eval) < 1e-12, f"{hp}: eval point {gap(got_eval, want_eval):.2e}"
    constant, _ = replay(make(name, **hp), grads)
    assert gap(got, constant) > 1e-6, "the schedule must change the path"


def test_schedule_free_with_a_zero_first_learning_rate_matches_the_package(torch):
    """lr = 0 at step 1 makes the package's weight sum 0 (its ZeroDivisionError branch)."""
    hp = {"lr": 0.05, "warmup_steps": 10}
    lrs = np.linspace(0.0, 0.05, STEPS)
    want, grads, want_eval = reference_path(torch, "schedule_free_adamw", hp, lrs)
    got, got_eval = replay(make("schedule_free_adamw", **hp), grads, lrs)
    assert gap(got, want) < 1e-12 and gap(got_eval, want_eval) < 1e-12


@pytest.mark.parametrize("hp", SCHEDULE_FREE, ids=str)
def test_the_state_average_follows_the_simplified_reference(torch, hp):
    """AdamWScheduleFreeReference stores z, x and y; our state's x is its x."""
    sf = pytest.importorskip("schedulefree")
    p = torch.tensor(X0, dtype=torch.float64, requires_grad=True)
    ref = sf.AdamWScheduleFreeReference([p], **hp)
    ref.train()
    opt = make("schedule_free_adamw", **hp)
    x, state = X0.copy(), opt.init(X0)
    worst = 0.0
    for _ in range(STEPS):
        g = bowl_grad(x)
        p.grad = torch.from_numpy(g.copy())
        ref.step()
        u, state = opt.update(g, state, x)
        theirs = {key: ref.state[p][key].numpy() for key in ("x", "y", "z")}
        for ours, key in ((state.x, "x"), (x + u, "y"), (state.z, "z")):
            worst = max(worst, gap(ours, theirs[key]))
        x = theirs["y"].copy()                    # both sides start each step from the same y
    assert worst < 1e-12, f"{hp}: state off the reference's sequences by {worst:.2e}"


@pytest.mark.parametrize("name", list(PACKAGES))
def test_defaults_equal_the_package_signature(name):
    module, _, _ = PACKAGES[name]
    pkg = pytest.importorskip(module)
    cls = pkg.Lion if name == "lion" else pkg.AdamWScheduleFree
    theirs = {k: p.default for k, p in inspect.signature(cls.__init__).parameters.items()
              if k not in ("self", "params", "use_triton", "foreach")}
    assert defaults(name) == theirs
    assert make(name).hparams == theirs


@pytest.mark.parametrize("name", list(PACKAGES))
def test_docstring_has_the_equation_and_names_the_installed_reference(name):
    _, dist, version = PACKAGES[name]
    assert r"\begin{aligned}" in latex(name) and r"\\" in latex(name)
    text = convention(name)
    assert dist in text and f"version {version}" in text and "torch" in text
    try:
        installed = importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        pytest.skip(f"{dist} is not installed")
    assert installed == version, f"the docstring names {dist} {version}, {installed} is installed"
