"""core.schedules: every schedule and option against torch.optim.lr_scheduler (skipped
without torch), arrays of base rates, the Schedule record and the error messages."""

import numpy as np
import pytest

from core.schedules import SCHEDULE_NAMES, Schedule, lr_sequence, schedule_defaults, schedule_latex

# (name, keywords, step counts): every option, and the edges where T_max, total_iters or
# total_steps meet the run's length (the cosine past its trough, phases of one step).
CASES = [
    ("constant", {}, (1, 40)),
    ("step_lr", {"step_size": 7}, (1, 7, 8, 60)),
    ("step_lr", {"step_size": 1, "gamma": 0.93}, (300,)),
    ("multi_step_lr", {"milestones": [5, 20, 20, 35]}, (5, 6, 60)),
    ("multi_step_lr", {"milestones": [0, 3], "gamma": 0.5}, (1, 10)),
    ("exponential_lr", {"gamma": 0.97}, (1, 300)),
    ("cosine_annealing_lr", {}, (1, 2, 3, 100, 301)),
    ("cosine_annealing_lr", {"T_max": 10}, (10, 11, 12, 95)),
    ("cosine_annealing_lr", {"T_max": 1, "eta_min": 0.01}, (2, 9)),
    ("cosine_annealing_lr", {"T_max": 37, "eta_min": 0.002}, (37, 38, 200)),
    ("linear_lr", {}, (1, 5, 6, 30)),
    ("linear_lr", {"start_factor": 1.0, "end_factor": 0.1, "total_iters": 40}, (40, 41, 80)),
    ("linear_lr", {"start_factor": 0.25, "end_factor": 0.0, "total_iters": 9}, (20,)),
    ("linear_lr", {"start_factor": 0.5, "total_iters": 0}, (4,)),
    ("polynomial_lr", {}, (5, 6, 20)),
    ("polynomial_lr", {"total_iters": 50, "power": 2.0}, (49, 50, 51, 120)),
    ("polynomial_lr", {"total_iters": 500, "power": 0.5}, (300,)),
    ("cosine_annealing_warm_restarts", {"T_0": 10}, (9, 10, 11, 100)),
    ("cosine_annealing_warm_restarts", {"T_0": 3, "T_mult": 2, "eta_min": 0.005}, (60,)),
    ("cosine_annealing_warm_restarts", {"T_0": 1}, (5,)),
    ("one_cycle_lr", {}, (1, 2, 3, 4, 10, 100, 301)),
    ("one_cycle_lr", {"anneal_strategy": "linear"}, (2, 7, 100)),
    ("one_cycle_lr", {"three_phase": True}, (4, 11, 100)),
    ("one_cycle_lr", {"three_phase": True, "anneal_strategy": "linear", "pct_start": 0.45},
     (30,)),
    ("one_cycle_lr", {"pct_start": 0.05, "div_factor": 10.0, "final_div_factor": 100.0},
     (3, 50, 301)),
    ("one_cycle_lr", {"pct_start": 1.0}, (2, 5)),
    ("one_cycle_lr", {"pct_start": 0.0}, (1, 6)),
    ("warmup_cosine", {"warmup_steps": 0}, (1, 50)),
    ("warmup_cosine", {"warmup_steps": 1}, (2, 50)),
    ("warmup_cosine", {"warmup_steps": 10}, (11, 12, 100)),
    ("warmup_cosine", {"warmup_steps": 49, "start_factor": 0.01, "eta_min": 0.003}, (50, 300)),
]
FLAT = [(n, kw, s) for n, kw, counts in CASES for s in counts]
LR = 0.3
TOL = 1e-12


def fid(case):
    name, kw, steps = case
    return f"{name}-{'-'.join(f'{k}={v}' for k, v in kw.items())}-{steps}"


def torch_rates(name, lr, steps, kw):
    """param_groups[0]["lr"] before each optimizer.step(), scheduler.step() after it."""
    torch = pytest.importorskip("torch")
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr)
    sched = _torch_scheduler(torch.optim.lr_scheduler, opt, name, steps, dict(kw))
    rates = []
    for k in range(steps):
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        if sched is not None and k < steps - 1:   # the read after the last step is unused
            sched.step()
    return np.array(rates)


def _torch_scheduler(S, opt, name, steps, kw):
    if name == "constant":
        return None
    if name == "cosine_annealing_lr":
        kw.setdefault("T_max", steps)
    if name == "one_cycle_lr":
        return S.OneCycleLR(opt, max_lr=opt.param_groups[0]["lr"], total_steps=steps,
                            cycle_momentum=False, **kw)
    if name == "warmup_cosine":
        w = kw["warmup_steps"]
        warm = S.LinearLR(opt, start_factor=kw.get("start_factor", 1 / 3), end_factor=1.0,
                          total_iters=w)
        cos = S.CosineAnnealingLR(opt, T_max=steps - w, eta_min=kw.get("eta_min", 0.0))
        return S.SequentialLR(opt, [warm, cos], milestones=[w])
    cls = "".join(part.capitalize() for part in name.split("_")).replace("Lr", "LR")
    return getattr(S, cls)(opt, **kw)


def rel_err(got, want):
    return float(np.max(np.abs(got - want) / np.maximum(np.abs(want), 1e-300)))


@pytest.mark.parametrize("case", FLAT, ids=fid)
def test_matches_torch(case):
    name, kw, steps = case
    want = torch_rates(name, LR, steps, kw)
    got = lr_sequence(name, LR, steps, **kw)
    assert got.shape == (steps,)
    err = rel_err(got, want)
    assert err <= TOL, f"{fid(case)}: largest relative gap to torch {err:.2e}"


@pytest.mark.parametrize("case", [c for c in FLAT if c[2] in (50, 60, 100)], ids=fid)
def test_an_array_of_base_rates_gives_each_rates_torch_sequence(case):
    name, kw, steps = case
    lrs = np.array([[1e-3], [0.07], [2.5]])
    got = lr_sequence(name, lrs, steps, **kw)
    assert got.shape == (steps, 3, 1)
    for b, lr in enumerate(lrs[:, 0]):
        want = torch_rates(name, float(lr), steps, kw)
        assert rel_err(got[:, b, 0], want) <= TOL, f"{fid(case)} at lr={lr}"
        np.testing.assert_array_equal(got[:, b, 0], lr_sequence(name, float(lr), steps, **kw))


@pytest.mark.parametrize("three_phase", [False, True])
def test_one_cycle_refuses_exactly_where_torch_divides_by_zero(three_phase):
    """Short runs where a phase has no length: torch raises ZeroDivisionError, we a
    ValueError; everywhere else the rates agree."""
    checked = refused = 0
    for steps in range(1, 13):
        for pct in (0.0, 0.1, 0.25, 0.3, 0.5, 0.75, 1.0):
            kw = {"pct_start": pct, "three_phase": three_phase}
            try:
                want = torch_rates("one_cycle_lr", LR, steps, kw)
            except ZeroDivisionError:
                with pytest.raises(ValueError, match="has no length"):
                    lr_sequence("one_cycle_lr", LR, steps, **kw)
                refused += 1
                continue
            assert rel_err(lr_sequence("one_cycle_lr", LR, steps, **kw), want) <= TOL, kw
            checked += 1
    assert refused > 0 and checked > 50


def test_every_name_has_a_torch_case():
    assert {c[0] for c in CASES} == set(SCHEDULE_NAMES)


def test_closed_forms_hold_to_rounding():
    """The chained arithmetic is the docstrings' closed form, up to rounding."""
    e = np.arange(300)
    cos = lr_sequence("cosine_annealing_lr", 0.3, 300, T_max=120, eta_min=0.01)
    np.testing.assert_allclose(cos, 0.01 + 0.29 * (1 + np.cos(np.pi * e / 120)) / 2,
                               rtol=1e-9)
    step = lr_sequence("step_lr", 0.3, 300, step_size=25, gamma=0.8)
    np.testing.assert_allclose(step, 0.3 * 0.8 ** (e // 25), rtol=1e-12)
    poly = lr_sequence("polynomial_lr", 0.3, 300, total_iters=200, power=1.5)
    np.testing.assert_allclose(poly, 0.3 * (1 - np.minimum(e, 200) / 200) ** 1.5,
                               rtol=1e-9, atol=1e-15)


def test_constant_is_the_base_rate_exactly_and_zero_steps_is_empty():
    assert np.array_equal(lr_sequence("constant", 0.123, 7), np.full(7, 0.123))
    assert lr_sequence("cosine_annealing_lr", 0.1, 0).shape == (0,)
    assert lr_sequence("one_cycle_lr", np.ones((4, 1)), 0).shape == (0, 4, 1)


def test_schedule_record_is_canonical_hashable_and_labelled():
    a = Schedule("step_lr", {"step_size": 30})
    b = Schedule("step_lr", {"gamma": 0.1, "step_size": 30})
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Schedule("step_lr", {"step_size": 31})
    assert a.label == "step_lr(step_size=30)"
    assert Schedule().name == "constant" and Schedule().label == "constant"
    m = Schedule("multi_step_lr", {"milestones": [9, 3, 3]})
    assert dict(m.kw)["milestones"] == (3, 3, 9) and hash(m)
    np.testing.assert_array_equal(a.rates(0.2, 70), lr_sequence("step_lr", 0.2, 70, step_size=30))
    with pytest.raises(AttributeError):
        a.name = "constant"


@pytest.mark.parametrize("name", SCHEDULE_NAMES)
def test_every_schedule_documents_a_formula(name):
    assert "\\eta" in schedule_latex(name)
    assert set(schedule_defaults(name)) <= set(dict(Schedule(name, _required(name)).kw))


def _required(name):
    return {"step_lr": {"step_size": 5}, "multi_step_lr": {"milestones": [3]},
            "exponential_lr": {"gamma": 0.9}, "cosine_annealing_warm_restarts": {"T_0": 5},
            "warmup_cosine": {"warmup_steps": 2}}.get(name, {})


@pytest.mark.parametrize("call, words", [
    (lambda: lr_sequence("cosine", 0.1, 10), "choose one of constant, step_lr"),
    (lambda: lr_sequence("step_lr", 0.1, 10), "step_lr needs step_size"),
    (lambda: lr_sequence("step_lr", 0.1, 10, step_size=2, gama=0.5), "unknown keyword(s) gama"),
    (lambda: lr_sequence("step_lr", 0.1, 10, step_size=0), "step_size must be ≥ 1"),
    (lambda: lr_sequence("step_lr", 0.1, 10, step_size=2.5), "step_size must be a whole"),
    (lambda: lr_sequence("exponential_lr", 0.1, 10, gamma=0.0), "gamma must lie in (0"),
    (lambda: lr_sequence("linear_lr", 0.1, 10, start_factor=0.0), "start_factor must lie in"),
    (lambda: lr_sequence("linear_lr", 0.1, 10, end_factor=1.5), "end_factor must lie in"),
    (lambda: lr_sequence("cosine_annealing_lr", 0.1, 10, eta_min=float("nan")), "finite"),
    (lambda: lr_sequence("one_cycle_lr", 0.1, 10, anneal_strategy="exp"), "'cos' or 'linear'"),
    (lambda: lr_sequence("one_cycle_lr", 0.1, 10, cycle_momentum=True), "momentum is not cycled"),
    (lambda: lr_sequence("one_cycle_lr", 0.1, 10, pct_start=0.1), "phase 1 has no length"),
    (lambda: lr_sequence("one_cycle_lr", 0.1, 10, three_phase="yes"), "True or False"),
    (lambda: lr_sequence("warmup_cosine", 0.1, 10, warmup_steps=10), "must be smaller"),
    (lambda: lr_sequence("multi_step_lr", 0.1, 10, milestones=5), "list of steps"),
    (lambda: lr_sequence("constant", 0.0, 10), "learning rate must be finite and > 0"),
    (lambda: lr_sequence("constant", 0.1, -1), "steps must be a whole number"),
    (lambda: Schedule("constant", {"T_max": 3}), "constant takes no keywords"),
])
def test_readable_errors(call, words):
    with pytest.raises(ValueError, match=None) as info:
        call()
    assert words in str(info.value), str(info.value)
