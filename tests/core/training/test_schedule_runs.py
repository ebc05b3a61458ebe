"""Learning-rate schedules through the loops: run, run_together and sweep_lr hand each
step its scheduled rate and change nothing else (manual loops, torch's schedulers)."""

import numpy as np
import pytest

from core.optimizers import OPTIMIZER_NAMES, make
from core.optimizers.ablation import make_ablation
from core.optimizers.keras import KERAS_NAMES, make_keras
from core.problems.mlp import make_mlp_problem
from core.problems.surfaces import get_surface
from core.schedules import Schedule
from core.training.run import gradient_noise, run
from core.training.sweep import sweep_lr
from core.training.together import run_together
from tests.cases import CONFIGS, case_id
from tests.core.optimizers.test_torch_parity import TORCH, X0, Wobbly
from tests.core.test_schedules import _torch_scheduler

SCHEDULES = [
    Schedule("warmup_cosine", {"warmup_steps": 15, "start_factor": 0.1}),
    Schedule("one_cycle_lr", {"three_phase": True}),
    Schedule("step_lr", {"step_size": 20, "gamma": 0.5}),
    Schedule("cosine_annealing_warm_restarts", {"T_0": 10, "T_mult": 2, "eta_min": 1e-4}),
    Schedule("cosine_annealing_lr", {"T_max": 40}),
]
SIDS = [s.label for s in SCHEDULES]


def manual(opt, objective, x0, steps, schedule, sigma=0.0, seed=None):
    """The loop written out: g_k (plus noise), then update with lr = rates[k]."""
    x = np.array(np.broadcast_to(x0, opt.batch_shape(np.shape(x0))), dtype=float)
    lrs = schedule.rates(opt.hparams["lr"], steps)
    noise = gradient_noise(sigma, seed, steps, x.shape[-1]) if sigma else np.zeros((steps, 1))
    state, points = opt.init(x), [x]
    for k in range(steps):
        u, state = opt.update(objective.grad(x) + noise[k], state, x, lr=lrs[k])
        x = x + u
        points.append(x)
    return np.array(points)


@pytest.mark.parametrize("case", CONFIGS, ids=case_id)
def test_run_with_a_schedule_is_the_manual_loop(case):
    name, hp = case
    sched = SCHEDULES[0]
    opt = make(name, **hp)
    tr = run(opt, Wobbly(), X0, 80, grad_noise=0.3, seed=4, schedule=sched)
    np.testing.assert_array_equal(tr.points, manual(opt, Wobbly(), X0, 80, sched, 0.3, 4))
    plain = run(opt, Wobbly(), X0, 80, grad_noise=0.3, seed=4)
    assert not np.array_equal(tr.points, plain.points)


RULES = ([(make, n, hp) for n, hp in CONFIGS] + [(make_keras, n, {}) for n in KERAS_NAMES]
         + [(make_ablation, "adam_nobc", {})])


@pytest.mark.parametrize("maker, name, hp", RULES,
                         ids=[f"{m.__name__}-{case_id((n, hp))}" for m, n, hp in RULES])
def test_a_constant_schedule_is_no_schedule_bit_for_bit(maker, name, hp):
    """Scalar and (3, 1) rates, points and every state field."""
    lr = maker(name, **hp).hparams["lr"]
    for o in (maker(name, **hp), maker(name, **{**hp, "lr": lr * np.array([[0.1], [1], [3]])})):
        with_c = run(o, Wobbly(), X0, 60, grad_noise=0.2, seed=1, schedule=Schedule("constant"),
                     record_states=True)
        without = run(o, Wobbly(), X0, 60, grad_noise=0.2, seed=1, record_states=True)
        np.testing.assert_array_equal(with_c.points, without.points)
        for a, b in zip(with_c.states, without.states, strict=True):
            np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("sched", SCHEDULES, ids=SIDS)
@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_a_scheduled_batch_is_separate_scheduled_runs_bit_for_bit(name, sched):
    s = get_surface("rosenbrock")
    lrs = np.logspace(-4, -0.5, 6)
    batch = run(make(name, lr=lrs[:, None]), s, s.start, 90, grad_noise=0.4, seed=2,
                schedule=sched)
    for i, lr in enumerate(lrs):
        one = run(make(name, lr=float(lr)), s, s.start, 90, grad_noise=0.4, seed=2,
                  schedule=sched)
        np.testing.assert_array_equal(batch.points[:, i], one.points)
        np.testing.assert_array_equal(batch.diverged_at[i], one.diverged_at)


@pytest.mark.parametrize("name", ["sgd", "adam", "adagrad"])
def test_sweep_lr_with_a_schedule_equals_separate_runs(name):
    s, sched = get_surface("rosenbrock"), SCHEDULES[1]
    grid = np.logspace(-4, 0, 7)
    sw = sweep_lr(name, {}, s, s.start, 120, grid, schedule=sched)
    plain = sweep_lr(name, {}, s, s.start, 120, grid)
    assert not np.array_equal(sw.final_loss, plain.final_loss)
    for i, lr in enumerate(grid):
        one = run(make(name, lr=float(lr)), s, s.start, 120, schedule=sched)
        assert one.diverged_at == sw.diverged_at[i]
        assert one.losses[-1] == sw.final_loss[i]


def test_run_together_applies_the_schedule_to_each_optimizers_own_rate():
    s, sched = get_surface("rosenbrock"), SCHEDULES[0]
    lr = np.logspace(-4, 0, 7).reshape(-1, 1)
    opts = [make("sgd", lr=lr, momentum=0.9), make("adam", lr=2 * lr), make("rmsprop", lr=lr)]
    at = [0, 5, 40, 100]
    tog = run_together(opts, s, np.array(s.start), 100, at, schedule=sched)
    for r, opt in enumerate(opts):
        tr = run(opt, s, np.array(s.start), 100, track_loss=False, schedule=sched)
        np.testing.assert_array_equal(tog.diverged_at[r], tr.diverged_at)
        np.testing.assert_array_equal(tog.points[:, r], tr.points[at])


class Replay:
    """The gradients torch saw, handed back step by step (so both sides see the same)."""

    def __init__(self, grads):
        self.grads = grads

    def f(self, x):
        return np.zeros(np.shape(x)[:-1])

    def grad(self, x):
        raise AssertionError("run should use batch_grad")

    def batch_grad(self, x, k):
        return self.grads[k]


def torch_scheduled_path(name, hp, sched, steps, grad=None, x0=X0):
    """torch's optimizer with torch's scheduler: points and the gradients it was fed."""
    torch = pytest.importorskip("torch")
    grad = Wobbly().grad if grad is None else grad
    p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, TORCH[name])([p], foreach=False, **hp)
    kw = {k: v for k, v in sched.kw if v is not None}       # T_max None: the run's length
    scheduler = _torch_scheduler(torch.optim.lr_scheduler, opt, sched.name, steps, kw)
    points, grads = [p.detach().numpy().copy()], []
    for k in range(steps):
        grads.append(grad(points[-1], k))
        p.grad = torch.from_numpy(np.array(grads[-1]))
        opt.step()
        if k < steps - 1:
            scheduler.step()
        points.append(p.detach().numpy().copy())
    return np.array(points), np.array(grads)


@pytest.fixture
def float64_torch():
    torch = pytest.importorskip("torch")
    old = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    yield
    torch.set_default_dtype(old)


@pytest.mark.parametrize("sched", SCHEDULES, ids=SIDS)
@pytest.mark.parametrize("case", CONFIGS, ids=case_id)
def test_run_with_a_schedule_equals_torch_with_its_scheduler(case, sched, float64_torch):
    name, hp = case
    want, grads = torch_scheduled_path(name, hp, sched, 120, lambda x, k: Wobbly().grad(x))
    got = run(make(name, **hp), Replay(grads), X0, 120, schedule=sched, track_loss=False).points
    err = np.max(np.abs(got - want)) / np.max(np.abs(want))
    assert err < 1e-12, f"{name} {hp} {sched.label}: largest gap to torch {err:.2e}"


@pytest.mark.parametrize("name, hp, sched", [
    ("adam", {"lr": 0.02}, Schedule("one_cycle_lr", {"pct_start": 0.25})),
    ("sgd", {"lr": 0.5, "momentum": 0.9}, Schedule("warmup_cosine", {"warmup_steps": 10})),
    ("rmsprop", {"lr": 0.005}, Schedule("step_lr", {"step_size": 15, "gamma": 0.3})),
])
def test_the_network_trains_under_a_schedule_as_torch_trains_it(name, hp, sched, float64_torch):
    """The MLP on mini-batches: run(..., schedule) is the manual loop bit for bit, and
    follows torch's optimizer + scheduler (fed the same network's gradients at its own
    points) over 60 steps."""
    problem = make_mlp_problem("moons", n=120, hidden=8, seed=3, batch_size=40)
    opt, steps = make(name, **hp), 60
    tr = run(opt, problem, problem.theta0, steps, schedule=sched)
    x, state, lrs = problem.theta0.copy(), opt.init(problem.theta0), sched.rates(hp["lr"], steps)
    for k in range(steps):
        u, state = opt.update(problem.batch_grad(x, k), state, x, lr=lrs[k])
        x = x + u
        np.testing.assert_array_equal(tr.points[k + 1], x)
    want, _ = torch_scheduled_path(name, hp, sched, steps, problem.batch_grad, problem.theta0)
    np.testing.assert_allclose(tr.points, want, rtol=1e-9, atol=1e-12)
    assert tr.losses[-1] < tr.losses[0]


def test_a_schedule_must_be_a_schedule_record():
    with pytest.raises(ValueError, match="core.schedules.Schedule"):
        run(make("sgd"), Wobbly(), X0, 5, schedule="cosine_annealing_lr")
