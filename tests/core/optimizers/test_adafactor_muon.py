"""Adafactor and Muon against torch 2.13 (replayed gradients), plus their own properties.

As in test_torch_parity.py, torch runs first and the gradients it saw are replayed into
our rule, so a difference in the rules shows up in the points and not as chaos.
"""

import copy
import inspect
import re

import numpy as np
import pytest

from core.optimizers import MATRIX_NAMES, convention, defaults, latex, make
from core.optimizers.muon import lr_scale, newton_schulz

torch = pytest.importorskip("torch")
import torch.optim._muon as torch_muon  # noqa: E402

from tests.parity import gap, replay  # noqa: E402

STEPS = 300
A = np.array([[3.0, 0.5, 0.0], [0.5, 1.0, 0.2], [0.0, 0.2, 0.1]])


@pytest.fixture(autouse=True)
def float64_default():
    old = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    yield
    torch.set_default_dtype(old)


def wobbly_grad(x):
    """Gradient of ½ Σ_rows xAxᵀ + Σ(1 − cos 3x)/6 (rows of length 3), or a ripple of any shape."""
    base = x @ A if x.shape[-1] == 3 else 1.5 * x
    return base + 0.5 * np.sin(3 * x) + 0.1 * np.roll(x, 1)


def torch_path(cls, x0, hp, steps, lrs=None):
    p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    opt = cls([p], **hp)
    points, grads = [np.array(x0, dtype=float)], []
    for k in range(steps):
        grads.append(wobbly_grad(points[-1]))
        p.grad = torch.from_numpy(grads[-1].copy())
        if lrs is not None:
            opt.param_groups[0]["lr"] = float(lrs[k])
        opt.step()
        points.append(p.detach().numpy().copy())
    return np.array(points), grads


def torch_ns_float64(grad, ns_coefficients, ns_steps, eps):
    """torch's Newton–Schulz step by step (transpose, Frobenius norm, addmm), in float64."""
    a, b, c = ns_coefficients
    X = grad.double()
    tall = grad.size(0) > grad.size(1)
    X = X.T if tall else X
    X = X / X.norm().clamp(min=eps)
    for _ in range(ns_steps):
        gram = X @ X.T
        X = torch.addmm(X, torch.addmm(gram, gram, gram, beta=b, alpha=c), X, beta=a)
    return X.T if tall else X


X_VEC = np.array([1.3, -0.8, 2.0])
X_MAT = np.array([[1.3, -0.8, 2.0], [0.4, 0.9, -1.1], [-0.2, 0.05, 0.7], [1.0, 1.0, -0.3]])
ADAFACTOR = [{}, {"weight_decay": 0.1}, {"beta2_decay": -0.5}, {"d": 1.5},
             {"eps": (1e-3, 1e-2)}, {"eps": (0.3, 1e-2)},
             {"lr": 0.05, "weight_decay": 0.2, "d": 1.2}]


@pytest.mark.parametrize("hp", ADAFACTOR, ids=str)
@pytest.mark.parametrize("x0", [X_VEC, X_MAT], ids=["vector", "matrix"])
def test_adafactor_matches_torch(x0, hp):
    want, grads = torch_path(torch.optim.Adafactor, x0, {**hp, "foreach": False}, STEPS)
    got = replay(make("adafactor", **hp, matrix=x0.ndim == 2), x0, grads)
    assert gap(got, want) <= 1e-12, f"adafactor {hp} {x0.shape}: gap to torch {gap(got, want):.2e}"


def test_adafactor_first_two_steps_by_hand_including_the_clip():
    x, g1, g2 = np.array([1.0, -2.0]), np.array([0.1, 0.2]), np.array([3.0, -1.0])
    opt = make("adafactor", lr=0.5, weight_decay=0.1)
    u1, s = opt.update(g1, opt.init(x), x)
    alpha1 = np.sqrt(2.5) * 0.5                       # RMS(x)·min(lr, 1)
    np.testing.assert_allclose(u1, -0.05 * x - alpha1 * np.sign(g1), rtol=1e-14)
    x2 = x + u1
    w = 2.0**-0.8
    V = (1 - w) * g1**2 + w * g2**2
    U = g2 / np.sqrt(V)
    rms_U = np.sqrt(np.mean(U**2))
    assert rms_U > 1.0, "the test means to exercise the clipping"
    alpha2 = np.sqrt(np.mean(x2**2)) * min(0.5, 1 / np.sqrt(2))
    u2, _ = opt.update(g2, s, x2)
    np.testing.assert_allclose(u2, -0.05 * x2 - alpha2 * U / rms_U, rtol=1e-14)


@pytest.mark.parametrize("matrix", [False, True])
def test_adafactor_batch_equals_separate_runs(matrix):
    rng = np.random.default_rng(3)
    lr = np.array([0.003, 0.01, 0.03, 0.3])
    x0 = rng.standard_normal((4, 4, 3) if matrix else (4, 3))
    lr_b = lr.reshape((4, 1, 1) if matrix else (4, 1))
    grads = [wobbly_grad(x0 * (1 + 0.01 * k)) for k in range(40)]
    swept = replay(make("adafactor", lr=lr_b, weight_decay=0.1, matrix=matrix), x0, grads)
    for b in range(4):
        alone = replay(make("adafactor", lr=float(lr[b]), weight_decay=0.1, matrix=matrix),
                       x0[b], [g[b] for g in grads])
        np.testing.assert_allclose(swept[:, b], alone, rtol=1e-13, atol=1e-15)
    if not matrix:   # per-vector, not elementwise: changing one entry moves the others
        x, g = x0[0], grads[0][0]
        opt = make("adafactor")
        u, _ = opt.update(g, opt.init(x), x)
        u2, _ = opt.update(g, opt.init(x), x * np.array([10.0, 1.0, 1.0]))
        assert not np.isclose(u[1], u2[1]), "RMS(x) must be taken over the whole vector"


MUON = [{"lr": 0.02}, {"lr": 0.02, "nesterov": False}, {"lr": 0.02, "weight_decay": 0.3},
        {"adjust_lr_fn": "match_rms_adamw"},
        {"lr": 0.01, "adjust_lr_fn": "original", "momentum": 0.8},
        {"lr": 0.02, "ns_steps": 3, "ns_coefficients": (2.0, -1.5, 0.5), "eps": 1e-3}]
TALL = np.array([[1.3, -0.8, 2.0], [0.4, 0.9, -1.1], [-0.2, 0.05, 0.7],
                 [1.0, 1.0, -0.3], [0.3, -0.6, 0.2]])


@pytest.mark.parametrize("hp", MUON, ids=str)
@pytest.mark.parametrize("x0", [TALL, TALL.T.copy()], ids=["tall", "wide"])
def test_muon_matches_torch_with_float64_newton_schulz(x0, hp, monkeypatch):
    stock, _ = torch_path(torch.optim.Muon, x0, hp, 20)
    monkeypatch.setattr(torch_muon, "_zeropower_via_newtonschulz", torch_ns_float64)
    want, grads = torch_path(torch.optim.Muon, x0, hp, STEPS)
    assert gap(want[:21], stock) > 1e-6, "the float64 patch did not reach torch's Muon"
    got = replay(make("muon", **hp), x0, grads)
    assert gap(got, want) <= 1e-12, f"muon {hp} {x0.shape}: gap to torch {gap(got, want):.2e}"


@pytest.mark.parametrize("hp", MUON[:4], ids=str)
@pytest.mark.parametrize("x0", [TALL, TALL.T.copy()], ids=["tall", "wide"])
def test_muon_is_close_to_stock_bfloat16_torch(x0, hp):
    want, grads = torch_path(torch.optim.Muon, x0, hp, 20)
    got = replay(make("muon", **hp), x0, grads)
    assert gap(got, want) <= 1e-2, f"muon {hp}: gap to bfloat16 torch {gap(got, want):.2e}"


@pytest.mark.parametrize("shape", [(2, 16), (16, 2), (4, 3), (8, 8), (32, 16)])
def test_newton_schulz_output_is_nearly_orthogonal(shape):
    """The quintic maps every singular value ≥ 0.0015·‖G‖_F into [0.68, 1.21] in 5 steps."""
    rng = np.random.default_rng(sum(shape))
    for _ in range(50):
        G = rng.standard_normal(shape) @ np.diag(np.exp(rng.uniform(-2, 2, shape[1])))
        s_in = np.linalg.svd(G, compute_uv=False)
        s = np.linalg.svd(newton_schulz(G), compute_uv=False)
        big = s_in >= 0.0015 * np.linalg.norm(G)
        assert s[big].min() >= 0.68 and s[big].max() <= 1.21, (
            f"singular values {s[big].min():.3f}…{s[big].max():.3f}, inputs "
            f"{s_in.min():.2e}…{s_in.max():.2e}")
    x, g = np.zeros(shape), rng.standard_normal(shape)
    u, _ = make("muon", lr=0.1, weight_decay=0.0).update(g, make("muon").init(x), x)
    O_t = -u / (0.1 * lr_scale(None, *shape))                 # Muon's step before η·s
    s = np.linalg.svd(O_t, compute_uv=False)
    assert 0.68 <= s.min() and s.max() <= 1.21, f"Muon's step has singular values {s}"


@pytest.mark.parametrize("name, x0, hp", [("adafactor", X_VEC, {"weight_decay": 0.1}),
                                         ("adafactor", X_MAT, {"weight_decay": 0.1, "lr": 0.03}),
                                         ("muon", TALL, {"lr": 0.02})])
def test_per_step_lr_matches_torch(name, x0, hp, monkeypatch):
    monkeypatch.setattr(torch_muon, "_zeropower_via_newtonschulz", torch_ns_float64)
    base = hp.get("lr", defaults(name)["lr"])
    lrs = base * (0.5 + 0.5 * np.cos(np.linspace(0, np.pi, 100))) + base * 1e-3
    cls, extra = ((torch.optim.Adafactor, {"foreach": False}) if name == "adafactor"
                  else (torch.optim.Muon, {}))
    want, grads = torch_path(cls, x0, {**hp, **extra}, 100, lrs)
    opt = make(name, **hp, **({"matrix": x0.ndim == 2} if name == "adafactor" else {}))
    got = replay(opt, x0, grads, lrs)
    assert gap(got, want) <= 1e-12, f"{name}: per-step lr gap to torch {gap(got, want):.2e}"
    assert gap(replay(opt, x0, grads), want) > 1e-6, "the schedule must change the path"


def test_muon_batch_equals_separate_runs():
    rng = np.random.default_rng(4)
    lr = np.array([0.01, 0.05, 0.2])
    x0 = rng.standard_normal((3, 5, 3))
    grads = [wobbly_grad(x0 * (1 - 0.01 * k)) for k in range(30)]
    swept = replay(make("muon", lr=lr[:, None, None]), x0, grads)
    for b in range(3):
        alone = replay(make("muon", lr=float(lr[b])), x0[b], [g[b] for g in grads])
        np.testing.assert_allclose(swept[:, b], alone, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("x", [np.zeros(3), np.zeros(()), np.float64(1.0)],
                         ids=["vector", "0d", "scalar"])
def test_muon_refuses_anything_but_matrices(x):
    opt = make("muon")
    with pytest.raises(ValueError, match="weight matrices"):
        opt.init(x)
    with pytest.raises(ValueError, match="weight matrices"):
        opt.update(np.ones_like(x), opt.init(np.zeros((2, 2))), x)
    assert MATRIX_NAMES == ("muon",)


@pytest.mark.parametrize("name, x", [("adafactor", X_VEC), ("adafactor", X_MAT), ("muon", TALL)])
def test_update_is_pure(name, x):
    opt = make(name, weight_decay=0.1, **({"matrix": x.ndim == 2} if name == "adafactor" else {}))
    state = opt.init(x)
    g = wobbly_grad(x)
    _, state = opt.update(g, state, x)
    keep = copy.deepcopy((g, x, *state))
    opt.update(g, state, x, lr=0.5)
    for before, after in zip(keep, (g, x, *state), strict=True):
        np.testing.assert_array_equal(before, after)


BAD = [("adafactor", {"lr": 0.0}, "lr"), ("adafactor", {"beta2_decay": 0.5}, "beta2_decay"),
       ("adafactor", {"eps": (-1.0, 1e-3)}, "eps[0]"),
       ("adafactor", {"eps": (None, -1.0)}, "eps[1]"),
       ("adafactor", {"eps": 1e-3}, "eps"), ("adafactor", {"d": 0.5}, "d"),
       ("adafactor", {"weight_decay": -0.1}, "weight_decay"),
       ("adafactor", {"matrix": "yes"}, "matrix"),
       ("adafactor", {"lr": float("nan")}, "lr"),
       ("muon", {"lr": -1.0}, "lr"), ("muon", {"weight_decay": -1.0}, "weight_decay"),
       ("muon", {"momentum": -0.5}, "momentum"), ("muon", {"nesterov": "no"}, "nesterov"),
       ("muon", {"ns_coefficients": (1.0, 2.0)}, "ns_coefficients"),
       ("muon", {"ns_coefficients": (1.0, "b", 2.0)}, "ns_coefficients[1]"),
       ("muon", {"ns_steps": 100}, "ns_steps"), ("muon", {"ns_steps": 2.5}, "ns_steps"),
       ("muon", {"eps": -1.0}, "eps"), ("muon", {"adjust_lr_fn": "sqrt"}, "adjust_lr_fn"),
       ("muon", {"foreach": True}, "foreach")]


@pytest.mark.parametrize("name, hp, knob", BAD, ids=lambda v: str(v))
def test_invalid_hyperparameters_name_the_knob(name, hp, knob):
    with pytest.raises(ValueError, match=re.escape(knob)):
        make(name, **hp)


@pytest.mark.parametrize("name, cls", [("adafactor", "Adafactor"), ("muon", "Muon")])
def test_defaults_are_torchs(name, cls):
    params = inspect.signature(getattr(torch.optim, cls)).parameters
    theirs = {k: p.default for k, p in params.items()
              if k not in ("self", "params", "foreach", "maximize")}
    ours = {k: v for k, v in defaults(name).items() if k != "matrix"}
    assert ours == theirs
    assert make(name).hparams == {**defaults(name), **make(name).hparams}


@pytest.mark.parametrize("name", ["adafactor", "muon"])
def test_docstring_carries_latex_and_a_convention(name):
    assert r"\begin{aligned}" in latex(name) and r"\end{aligned}" in latex(name)
    assert "torch" in convention(name) and len(convention(name)) > 80
