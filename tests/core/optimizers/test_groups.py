"""core.optimizers.groups: slices of θ with their own rules, against torch's two-optimizer setup."""

import copy

import numpy as np
import pytest

from core.optimizers import make
from core.optimizers.groups import Group, grouped, mlp_layout, mlp_muon
from core.problems.mlp import make_mlp_problem, n_params, unpack
from core.training.run import run

torch = pytest.importorskip("torch")
import torch.optim._muon as torch_muon  # noqa: E402

from tests.core.optimizers.test_adafactor_muon import torch_ns_float64  # noqa: E402
from tests.parity import gap, replay  # noqa: E402

H = 16


@pytest.fixture(autouse=True)
def float64_default(monkeypatch):
    old = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    monkeypatch.setattr(torch_muon, "_zeropower_via_newtonschulz", torch_ns_float64)
    yield
    torch.set_default_dtype(old)


def torch_network(problem, muon_hp, rest_cls, rest_hp, steps, lrs=None):
    """torch trains W₁ as nn.Linear(2, H).weight (H, 2) with Muon, b₁, w₂, b₂ with ``rest_cls``."""
    W1, b1, w2, b2 = unpack(problem.theta0, problem.hidden)
    params = [torch.tensor(np.array(a, dtype=float), requires_grad=True)
              for a in (W1.T, b1, w2, [b2])]
    opts = [torch.optim.Muon(params[:1], **muon_hp), rest_cls(params[1:], **rest_hp)]

    def theta():
        W1t, b1, w2, b2 = (p.detach().numpy() for p in params)
        return np.concatenate([W1t.T.ravel(), b1, w2, b2])

    points, grads = [theta()], []
    for k in range(steps):
        grads.append(problem.grad(points[-1]))
        gW, gb1, gw2, gb2 = unpack(grads[-1], problem.hidden)
        for p, g in zip(params, (gW.T, gb1, gw2, [gb2]), strict=True):
            p.grad = torch.tensor(np.array(g))
        for opt in opts:
            if lrs is not None:
                opt.param_groups[0]["lr"] = float(lrs[k]) * opt.defaults["lr"]
            opt.step()
        points.append(theta())
    return np.array(points), grads


def test_layout_is_the_networks():
    theta = np.random.default_rng(0).standard_normal((3, n_params(H)))
    for (index, shape), part in zip(mlp_layout(H).values(), unpack(theta, H), strict=True):
        np.testing.assert_array_equal(theta[..., index].reshape((3,) + shape),
                                      np.reshape(part, (3,) + shape))
    assert mlp_layout(H)["b2"][0].stop == n_params(H)


@pytest.mark.parametrize("muon_hp, adamw_hp", [
    ({"lr": 0.02}, {"lr": 0.01}),
    ({"lr": 0.05, "adjust_lr_fn": "match_rms_adamw", "nesterov": False},
     {"lr": 0.003, "weight_decay": 0.1, "amsgrad": True})], ids=["defaults", "options"])
def test_muon_adamw_matches_torch_on_the_network(muon_hp, adamw_hp):
    problem = make_mlp_problem()
    want, grads = torch_network(problem, muon_hp, torch.optim.AdamW,
                                {**adamw_hp, "foreach": False}, 50)
    opt = mlp_muon(problem.hidden, muon=muon_hp, rest_hparams=adamw_hp)
    got = replay(opt, problem.theta0, grads)
    assert gap(got, want) <= 1e-12, f"grouped vs torch: gap {gap(got, want):.2e}"
    ran = run(opt, problem, problem.theta0, 50).points      # its own gradients
    assert gap(ran, want) <= 1e-9, f"run() vs torch: gap {gap(ran, want):.2e}"
    assert problem.f(want[-1]) < 0.9 * problem.f(want[0]), "the network should learn"


def test_per_step_lr_reaches_every_group_as_torch_schedules_both():
    problem = make_mlp_problem(hidden=8)
    factors = 0.5 + 0.5 * np.cos(np.linspace(0, np.pi, 60)) + 1e-3
    muon_hp, rest_hp = {"lr": 0.03, "weight_decay": 0.1}, {"lr": 0.03, "weight_decay": 0.1}
    want, grads = torch_network(problem, muon_hp, torch.optim.Adafactor,
                                {**rest_hp, "foreach": False}, 60, lrs=factors)
    opt = mlp_muon(problem.hidden, muon=muon_hp, rest="adafactor", rest_hparams=rest_hp)
    got = replay(opt, problem.theta0, grads, lrs=0.03 * factors)
    assert gap(got, want) <= 1e-12, f"scheduled grouped vs torch: gap {gap(got, want):.2e}"
    assert gap(replay(opt, problem.theta0, grads), want) > 1e-6, "the schedule must matter"


def test_a_schedule_starts_from_each_groups_own_rate_as_torchs_schedulers_do():
    """run(..., schedule=) over Muon (lr 0.04) + AdamW (lr 0.004): each group follows the
    cosine from its own base rate, as one torch scheduler per optimizer gives it."""
    from core.schedules import Schedule
    problem, steps = make_mlp_problem(hidden=8), 40
    muon_hp, rest_hp = {"lr": 0.04}, {"lr": 0.004}
    W1, b1, w2, b2 = unpack(problem.theta0, problem.hidden)
    params = [torch.tensor(np.array(a, dtype=float)) for a in (W1.T, b1, w2, [b2])]
    opts = [torch.optim.Muon(params[:1], **muon_hp),
            torch.optim.AdamW(params[1:], foreach=False, **rest_hp)]
    scheds = [torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=steps) for o in opts]
    x, want = problem.theta0, [problem.theta0]
    for _ in range(steps):
        gW, gb1, gw2, gb2 = unpack(problem.grad(x), problem.hidden)
        for p, g in zip(params, (gW.T, gb1, gw2, [gb2]), strict=True):
            p.grad = torch.tensor(np.array(g))
        for opt, sched in zip(opts, scheds, strict=True):
            opt.step()
            sched.step()
        W1t, b1t, w2t, b2t = (p.detach().numpy() for p in params)
        x = np.concatenate([W1t.T.ravel(), b1t, w2t, b2t])
        want.append(x)
    opt = mlp_muon(problem.hidden, muon=muon_hp, rest_hparams=rest_hp)
    want = np.array(want)
    got = run(opt, problem, problem.theta0, steps, schedule=Schedule("cosine_annealing_lr"))
    assert gap(got.points, want) <= 1e-9, f"scheduled groups vs torch: {gap(got.points, want):.2e}"
    plain = run(opt, problem, problem.theta0, steps).points
    assert gap(plain, want) > 1e-6, "the schedule must matter"


def test_a_batch_of_learning_rates_equals_separate_runs():
    problem = make_mlp_problem(hidden=8)
    muon_lr, adamw_lr = np.array([0.005, 0.02, 0.08]), np.array([0.001, 0.01, 0.03])
    opt = mlp_muon(8, muon={"lr": muon_lr[:, None]}, rest_hparams={"lr": adamw_lr[:, None]})
    assert opt.batch_shape((n_params(8),)) == (3, n_params(8))
    swept = run(opt, problem, problem.theta0, 50).points
    assert swept.shape == (51, 3, n_params(8))
    for b in range(3):
        alone = mlp_muon(8, muon={"lr": float(muon_lr[b])}, rest_hparams={"lr": float(adamw_lr[b])})
        np.testing.assert_allclose(swept[:, b], run(alone, problem, problem.theta0, 50).points,
                                   rtol=1e-11, atol=1e-14)


def test_a_batch_of_per_step_rates_equals_separate_calls():
    x = np.random.default_rng(1).standard_normal(n_params(4))
    g = np.random.default_rng(2).standard_normal(n_params(4))
    opt = mlp_muon(4, rest="adafactor")
    lrs = np.array([[0.01], [0.1]])
    u, _ = opt.update(g, opt.init(x), x, lr=lrs)
    for b in range(2):
        np.testing.assert_allclose(u[b], opt.update(g, opt.init(x), x, lr=float(lrs[b, 0]))[0],
                                   rtol=1e-13)
    with pytest.raises(ValueError, match=r"\(\.\.\., 1\)"):
        opt.update(g, opt.init(x), x, lr=np.full(n_params(4), 0.1))


def test_state_names_the_groups_and_update_is_pure():
    opt = mlp_muon(4)
    x = np.random.default_rng(3).standard_normal(n_params(4))
    g = np.cos(x)
    _, state = opt.update(g, opt.init(x), x)
    assert state._fields == ("W1", "b1", "w2", "b2")
    assert type(state.W1).__name__ == "MuonState" and state.W1.B.shape == (4, 2)
    assert type(state.b2).__name__ == "AdamState"
    keep = copy.deepcopy((g, x, state))
    opt.update(g, state, x)
    np.testing.assert_array_equal(keep[0], g)
    np.testing.assert_array_equal(keep[1], x)
    for before, after in zip(keep[2], state, strict=True):
        for a, b in zip(before, after, strict=True):
            np.testing.assert_array_equal(a, b)


def test_each_group_gets_only_its_slice():
    """A grouped step equals each rule stepped on its own piece."""
    x = np.arange(1.0, 10.0)
    g = np.sin(x)
    parts = [Group("W", slice(0, 6), (2, 3), make("muon", lr=0.1)),
             Group("b", slice(6, 9), (3,), make("sgd", lr=0.5))]
    u, _ = grouped(parts[::-1]).update(g, grouped(parts).init(x), x)
    W = make("muon", lr=0.1)
    uW, _ = W.update(g[:6].reshape(2, 3), W.init(x[:6].reshape(2, 3)), x[:6].reshape(2, 3))
    np.testing.assert_allclose(u, np.concatenate([uW.ravel(), -0.5 * g[6:]]), rtol=1e-15)


BAD = [
    ([("W", slice(0, 4), (2, 2), "muon")], "optimizer"),
    ([("W", slice(0, 4), (2, 3), None)], "entries"),
    ([("W", slice(1, 5), (2, 2), None)], "without gaps"),
    ([("a", slice(0, 2), (2,), None), ("b", slice(1, 3), (2,), None)], "overlaps"),
    ([("a", slice(0, 2), (2,), None), ("a", slice(2, 4), (2,), None)], "differ"),
    ([("_a", slice(0, 2), (2,), None)], "identifier"),
    ([("a", slice(0, 4, 2), (2,), None)], "slice"),
    ([("a", slice(0, 2), (2,), None, True)], "transpose"),
    ([], "at least one"),
]


@pytest.mark.parametrize("groups, words", BAD, ids=lambda v: str(v)[:40])
def test_invalid_groups_are_refused_readably(groups, words):
    fill = make("sgd")
    groups = [tuple(fill if v is None else v for v in grp) for grp in groups]
    with pytest.raises(ValueError, match=words):
        grouped(groups)


def test_theta_of_the_wrong_length_is_refused():
    with pytest.raises(ValueError, match=r"\(\.\.\., 17\)"):
        mlp_muon(4).init(np.zeros(16))
