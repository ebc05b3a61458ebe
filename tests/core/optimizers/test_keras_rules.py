"""core.optimizers.keras: Keras 3's conventions, checked against the formulas as Keras
writes them (and against real Keras when it is installed)."""

import os

import numpy as np
import pytest

from core.optimizers import defaults, make
from core.optimizers.keras import (
    KERAS_NAMES,
    keras_convention,
    keras_defaults,
    keras_latex,
    make_keras,
)
from core.problems.surfaces import get_surface
from core.training.run import run
from tests.core.optimizers.test_torch_parity import X0, Wobbly

STEPS = 200

# Settings covering every option of every Keras rule (torch keyword names).
CASES = [
    ("sgd", {}), ("sgd", {"lr": 0.05, "momentum": 0.9}),
    ("sgd", {"lr": 0.05, "momentum": 0.8, "nesterov": True, "weight_decay": 0.1}),
    ("adagrad", {}), ("adagrad", {"lr": 0.3, "initial_accumulator_value": 0.0, "eps": 1e-4}),
    ("rmsprop", {}), ("rmsprop", {"lr": 0.01, "momentum": 0.9}),
    ("rmsprop", {"lr": 0.01, "centered": True, "weight_decay": 0.1}),
    ("adadelta", {}), ("adadelta", {"lr": 1.0, "rho": 0.9}),
    ("adam", {}), ("adam", {"lr": 0.05, "amsgrad": True}), ("adam", {"lr": 0.05, "eps": 1e-3}),
    ("adamw", {"lr": 0.05}), ("adamw", {"lr": 0.05, "weight_decay": 0.2, "amsgrad": True}),
    ("nadam", {"lr": 0.05}), ("nadam", {"lr": 0.05, "weight_decay": 0.1}),
]


def cid(case):
    name, hp = case
    return name + "".join(f"-{k}={v}" for k, v in hp.items())


def reference(name, hp, grads, x0, lrs=None):
    """The Keras update, transcribed as plain loops from Keras 3's ``update_step``s
    (``lrs``: the rate of each step, as a Keras LearningRateSchedule gives it)."""
    h = {**keras_defaults(name), **hp}
    wd = h.get("weight_decay", 0.0)
    lrs = [h["lr"]] * len(grads) if lrs is None else lrs
    x, pts = np.array(x0, dtype=float), []
    a = b = c = np.zeros_like(x)
    if name == "adagrad":
        a = a + h["initial_accumulator_value"]
    u_prod = 1.0
    for t, (g, lr) in enumerate(zip(grads, lrs, strict=True), start=1):
        x = x - lr * wd * x                            # decoupled weight decay first
        if name == "sgd":
            a = h["momentum"] * a - lr * g             # velocity
            x = x + (h["momentum"] * a - lr * g if h["nesterov"] else a) \
                if h["momentum"] else x - lr * g
        elif name == "adagrad":
            a = a + g * g
            x = x - lr * g / np.sqrt(a + h["eps"])
        elif name == "rmsprop":
            rho = h["alpha"]
            a = rho * a + (1 - rho) * g * g
            if h["centered"]:
                b = rho * b + (1 - rho) * g
            inc = lr * g / np.sqrt(a - b * b + h["eps"])
            if h["momentum"]:
                c = h["momentum"] * c + inc
                x = x - c
            else:
                x = x - inc
        elif name == "adadelta":
            rho, eps = h["rho"], h["eps"]
            a = rho * a + (1 - rho) * g * g
            delta = -np.sqrt(b + eps) * g / np.sqrt(a + eps)
            b = rho * b + (1 - rho) * delta * delta
            x = x + lr * delta
        elif name in ("adam", "adamw"):
            b1, b2 = h["betas"]
            alpha = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
            a = a + (g - a) * (1 - b1)
            b = b + (g * g - b) * (1 - b2)
            c = np.maximum(c, b)
            x = x - alpha * a / (np.sqrt(c if h["amsgrad"] else b) + h["eps"])
        elif name == "nadam":
            b1, b2 = h["betas"]
            u_t, u_t1 = b1 * (1 - 0.5 * 0.96**t), b1 * (1 - 0.5 * 0.96 ** (t + 1))
            u_prod = u_prod * u_t
            a = a + (g - a) * (1 - b1)
            b = b + (g * g - b) * (1 - b2)
            m_hat = u_t1 * a / (1 - u_prod * u_t1) + (1 - u_t) * g / (1 - u_prod)
            x = x - lr * m_hat / (np.sqrt(b / (1 - b2**t)) + h["eps"])
        pts.append(x)
    return np.array(pts)


@pytest.mark.parametrize("case", CASES, ids=cid)
def test_rule_matches_keras_formula_over_many_steps(case):
    name, hp = case
    ours = run(make_keras(name, **hp), Wobbly(), X0, STEPS)
    ref = reference(name, hp, ours.gradients, X0)
    err = np.max(np.abs(ours.points[1:] - ref) / (1 + np.abs(ref)))
    assert err < 1e-11, f"{cid(case)}: largest relative difference {err:.2e}"


@pytest.mark.parametrize("case", CASES, ids=cid)
def test_rule_follows_keras_when_the_rate_changes_every_step(case):
    """A cosine schedule (down to 0 at step 81 and back up): each rule reads the step's
    rate where Keras does, so momentum velocities keep the rates of past steps."""
    from core.schedules import lr_sequence
    name, hp = case
    opt = make_keras(name, **hp)
    lrs = lr_sequence("cosine_annealing_lr", opt.hparams["lr"], STEPS, T_max=80)
    x, state, pts, grads = np.array(X0), opt.init(X0), [], []
    for lr in lrs:
        grads.append(Wobbly().grad(x))
        u, state = opt.update(grads[-1], state, x, lr=lr)
        x = x + u
        pts.append(x)
    ref = reference(name, hp, grads, X0, lrs)
    err = np.max(np.abs(np.array(pts) - ref) / (1 + np.abs(ref)))
    assert err < 1e-11, f"{cid(case)}: largest relative difference {err:.2e}"
    assert np.max(np.abs(reference(name, hp, grads, X0) - ref)) > 1e3 * err


def test_keras_defaults_are_kerass():
    got = {n: keras_defaults(n) for n in KERAS_NAMES}
    assert got["sgd"]["lr"] == 0.01
    assert got["adagrad"] == {"lr": 1e-3, "initial_accumulator_value": 0.1, "eps": 1e-7,
                              "weight_decay": 0.0}
    assert (got["rmsprop"]["lr"], got["rmsprop"]["alpha"], got["rmsprop"]["eps"]) == (
        1e-3, 0.9, 1e-7)
    assert (got["adadelta"]["lr"], got["adadelta"]["rho"], got["adadelta"]["eps"]) == (
        1e-3, 0.95, 1e-7)
    assert got["adamw"]["weight_decay"] == 4e-3
    assert all(got[n]["eps"] == 1e-7 for n in ("adam", "adamw", "nadam"))


def test_first_adagrad_step_by_hand():
    # s1 = 0.1 + g², x1 = x0 − η g / √(s1 + ε); torch instead moves η·sign(g) at step 1.
    g = np.array([0.5, -2.0])
    opt = make_keras("adagrad")
    u, _ = opt.update(g, opt.init(np.zeros(2)), np.zeros(2))
    np.testing.assert_allclose(u, -1e-3 * g / np.sqrt(0.1 + g * g + 1e-7), rtol=1e-15)
    t_u, _ = make("adagrad", lr=1e-3).update(g, make("adagrad").init(np.zeros(2)), np.zeros(2))
    np.testing.assert_allclose(t_u, -1e-3 * np.sign(g), rtol=1e-9)


def test_first_adam_step_shows_the_eps_hat_form():
    # With g = 1e-6 the raw √v is 1e-6·√(1−β₂) ≈ 3.2e-8: Keras's ε = 1e-7 is then the
    # larger term, torch's ε sits beside √v̂ = 1e-6 and barely matters.
    g = np.array([1e-6])
    k_u, _ = make_keras("adam", lr=1.0).update(g, make_keras("adam").init(g), g)
    t_u, _ = make("adam", lr=1.0).update(g, make("adam").init(g), g)
    expect_k = -np.sqrt(1 - 0.999) / (1 - 0.9) * 0.1e-6 / (np.sqrt(0.001) * 1e-6 + 1e-7)
    np.testing.assert_allclose(k_u, expect_k, rtol=1e-12)
    assert abs(k_u[0]) < 0.3 * abs(t_u[0]), f"keras step {k_u[0]:.3g}, torch {t_u[0]:.3g}"


def test_adam_forms_agree_when_eps_is_zero():
    bowl = get_surface("bowl", kappa=20)
    k = run(make_keras("adam", lr=0.1, eps=0.0), bowl, bowl.start, 100)
    t = run(make("adam", lr=0.1, eps=0.0), bowl, bowl.start, 100)
    np.testing.assert_allclose(k.points, t.points, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("name,hp", [("sgd", {"lr": 0.05, "momentum": 0.9}),
                                     ("adadelta", {"lr": 1.0, "rho": 0.9, "eps": 1e-6})])
def test_where_only_defaults_differ_the_points_are_torchs(name, hp):
    rb = get_surface("rosenbrock")
    k, t = run(make_keras(name, **hp), rb, rb.start, 300), run(make(name, **hp), rb, rb.start, 300)
    np.testing.assert_allclose(k.points, t.points, rtol=1e-12)


def test_keras_nadam_is_a_different_algorithm_from_torchs():
    rb = get_surface("rosenbrock")
    k = run(make_keras("nadam", lr=0.01), rb, rb.start, 200)
    t = run(make("nadam", lr=0.01, eps=1e-7), rb, rb.start, 200)
    same_as_psi_1 = run(make("nadam", lr=0.01, eps=1e-7, momentum_decay=1.0), rb, rb.start, 200)
    gap = np.max(np.abs(k.points - t.points))
    assert gap > 1e-4, f"Keras and torch NAdam paths differ by only {gap:.2e} (round-off level)"
    np.testing.assert_allclose(k.points, same_as_psi_1.points, rtol=1e-12)


@pytest.mark.parametrize("name", KERAS_NAMES)
def test_docs_carry_latex_and_a_convention(name):
    tex, conv = keras_latex(name), keras_convention(name)
    assert r"\begin{aligned}" in tex and tex.strip().endswith(r"\end{aligned}")
    assert len(conv) > 40 and ("Keras" in conv or "torch" in conv), conv


@pytest.mark.parametrize("name", KERAS_NAMES)
def test_same_knob_names_as_torch(name):
    assert set(keras_defaults(name)) <= set(defaults(name)), "a page hands the same knobs to both"


@pytest.mark.parametrize("name,hp", [("adam", {"lr": -1}), ("rmsprop", {"alpha": 1.5}),
                                     ("sgd", {"weight_decay": -0.1}), ("adam", {"rho": 0.9}),
                                     ("lion", {})])
def test_bad_settings_raise_value_error(name, hp):
    with pytest.raises(ValueError):
        make_keras(name, **hp)


@pytest.mark.parametrize("case", CASES, ids=cid)
def test_pure_and_batched(case):
    name, hp = case
    opt = make_keras(name, **hp)
    x = np.array([[1.0, -2.0], [0.5, 0.5]])
    g = np.array([[0.3, 0.1], [-0.2, 0.4]])
    state = opt.init(x)
    before = [np.copy(f) for f in state]
    x_copy, g_copy = x.copy(), g.copy()
    u, _ = opt.update(g, state, x)
    assert np.array_equal(x, x_copy) and np.array_equal(g, g_copy)
    assert all(np.array_equal(a, b) for a, b in zip(before, state, strict=True))
    for i in range(2):
        one = make_keras(name, **hp)
        u_i, _ = one.update(g[i], one.init(x[i]), x[i])
        np.testing.assert_allclose(u[i], u_i, rtol=1e-15)


# ---------------------------------------------------------------- real Keras, when present

KERAS_CLASS = {"sgd": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop", "adadelta": "Adadelta",
               "adam": "Adam", "adamw": "AdamW", "nadam": "Nadam"}


def keras_kwargs(name, hp):
    h = {**keras_defaults(name), **hp}
    out = {"learning_rate": h.pop("lr")}
    if "betas" in h:
        out["beta_1"], out["beta_2"] = h.pop("betas")
    if "alpha" in h:
        out["rho"] = h.pop("alpha")
    if "eps" in h:
        out["epsilon"] = h.pop("eps")
    if not h.get("weight_decay"):
        h.pop("weight_decay", None)
    return {**out, **h}


@pytest.mark.parametrize("case", CASES, ids=cid)
def test_against_real_keras(case):
    os.environ.setdefault("KERAS_BACKEND", "torch")
    keras = pytest.importorskip("keras")
    keras.config.set_floatx("float64")
    name, hp = case
    ours = run(make_keras(name, **hp), Wobbly(), X0, 100)
    var = keras.Variable(X0.copy(), dtype="float64")
    opt = getattr(keras.optimizers, KERAS_CLASS[name])(**keras_kwargs(name, hp))
    points = [X0.copy()]
    for g in ours.gradients:
        opt.apply_gradients([(keras.ops.convert_to_tensor(g), var)])
        points.append(keras.ops.convert_to_numpy(var.value).copy())
    err = np.max(np.abs(ours.points - np.array(points)) / (1 + np.abs(ours.points)))
    assert err < 1e-9, f"{cid(case)}: largest relative difference from Keras {err:.2e}"


@pytest.mark.parametrize("case", CASES, ids=cid)
def test_against_real_keras_with_the_rate_set_before_every_step(case):
    """Keras's learning_rate variable assigned a cosine-scheduled value before each
    apply_gradients; our rule gets the same value as ``lr``."""
    from core.schedules import lr_sequence
    os.environ.setdefault("KERAS_BACKEND", "torch")
    keras = pytest.importorskip("keras")
    keras.config.set_floatx("float64")
    name, hp = case
    ours = make_keras(name, **hp)
    lrs = lr_sequence("cosine_annealing_lr", ours.hparams["lr"], 100, T_max=40)
    var = keras.Variable(X0.copy(), dtype="float64")
    opt = getattr(keras.optimizers, KERAS_CLASS[name])(**keras_kwargs(name, hp))
    x, state, err = X0.copy(), ours.init(X0), 0.0
    for lr in lrs:
        g = Wobbly().grad(x)
        u, state = ours.update(g, state, x, lr=lr)
        x = x + u
        opt.learning_rate.assign(float(lr))
        opt.apply_gradients([(keras.ops.convert_to_tensor(g), var)])
        theirs = keras.ops.convert_to_numpy(var.value)
        err = max(err, float(np.max(np.abs(x - theirs) / (1 + np.abs(x)))))
        x = theirs.copy()                  # replay: both sides continue from Keras's point
    assert err < 1e-9, f"{cid(case)}: largest relative difference from Keras {err:.2e}"


def test_keras_eps_hat_takes_smaller_early_steps_for_small_gradients():
    """adam.py's Convention note: with tiny gradients Keras's ε-hat form steps less than
    torch's form at the same ε in the first steps, and the two agree once √v ≫ ε."""
    def steps(opt, g, n):
        x, out = np.zeros(1), []
        state = opt.init(x)
        for _ in range(n):
            u, state = opt.update(np.full(1, g), state, x)
            out.append(abs(float(u[0])))
        return np.array(out)

    torch_small = steps(make("adam", lr=1e-3, eps=1e-7), 1e-7, 10)
    keras_small = steps(make_keras("adam", lr=1e-3, eps=1e-7), 1e-7, 10)
    assert np.all(keras_small < torch_small), (keras_small, torch_small)
    assert keras_small[0] < 0.2 * torch_small[0], (keras_small[0], torch_small[0])
    torch_big = steps(make("adam", lr=1e-3, eps=1e-7), 1.0, 10)
    keras_big = steps(make_keras("adam", lr=1e-3, eps=1e-7), 1.0, 10)
    np.testing.assert_allclose(keras_big, torch_big, rtol=1e-4)
