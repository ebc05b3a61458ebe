"""Every rule and option against real ``torch.optim`` over many steps (skipped without torch).

torch runs on a rippled bowl; the gradients it saw are then replayed into our rule,
so both sides see exactly the same inputs and any difference in the rules shows up
in the points. (Letting each side evaluate gradients at its own point instead makes
the comparison measure chaos: where an optimizer oscillates around the minimum,
rounding differences of 1e-16 grow to 1e-2 within 100 steps.)

torch keeps some scalars (NAdam's μ-product, the step count) in the default dtype;
with float32 there, NAdam differs from float64 arithmetic by about 1e-9. These
tests set the default dtype to float64.
"""

import numpy as np
import pytest

from core.optimizers import make
from core.training.run import run
from tests.cases import CONFIGS, case_id
from tests.parity import replay  # noqa: E402

torch = pytest.importorskip("torch")

TORCH = {"sgd": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop", "adadelta": "Adadelta",
         "adam": "Adam", "adamw": "AdamW", "nadam": "NAdam"}
STEPS = 300


class Wobbly:
    """f(x) = ½ xᵀAx + Σ (1 − cos 3xᵢ)/6: a bowl with ripples, so paths curve."""

    A = np.array([[3.0, 0.5, 0.0], [0.5, 1.0, 0.2], [0.0, 0.2, 0.1]])

    def f(self, x):
        ripples = np.sum(1 - np.cos(3 * x), axis=-1) / 6
        return 0.5 * np.einsum("...i,ij,...j->...", x, self.A, x) + ripples

    def grad(self, x):
        return x @ self.A + 0.5 * np.sin(3 * x)


X0 = np.array([1.3, -0.8, 2.0])


@pytest.fixture(autouse=True)
def float64_default():
    old = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    yield
    torch.set_default_dtype(old)


def torch_path(name, hp, x0, steps):
    """torch's points x_0..x_T and the gradients g_0..g_{T-1} it was fed."""
    p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, TORCH[name])([p], foreach=False, **hp)
    points, grads = [p.detach().numpy().copy()], []
    for _ in range(steps):
        grads.append(Wobbly().grad(points[-1]))
        p.grad = torch.from_numpy(grads[-1].copy())
        opt.step()
        points.append(p.detach().numpy().copy())
    return np.array(points), np.array(grads)


@pytest.mark.parametrize("case", CONFIGS, ids=case_id)
def test_matches_torch_over_many_steps(case):
    name, hp = case
    want, grads = torch_path(name, hp, X0, STEPS)
    got = replay(make(name, **hp), X0, grads)
    err = np.max(np.abs(got - want)) / np.max(np.abs(want))
    assert err < 1e-12, f"{name} {hp}: largest gap to torch {err:.2e} (relative to |x|max)"


@pytest.mark.parametrize("case", CONFIGS[:1] + CONFIGS[13:14] + CONFIGS[18:19], ids=case_id)
def test_run_follows_torch_while_the_dynamics_contract(case):
    """core.training.run evaluating its own gradients stays on torch's path over the first
    60 steps."""
    name, hp = case
    want, _ = torch_path(name, hp, X0, 60)
    got = run(make(name, **hp), Wobbly(), X0, 60).points
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("name", list(TORCH))
def test_defaults_match_torch(name):
    opt = getattr(torch.optim, TORCH[name])([torch.zeros(1, requires_grad=True)])
    ours = make(name).hparams
    for key, value in ours.items():
        theirs = opt.defaults[key]
        assert np.allclose(theirs, value), f"{name}.{key}: torch {theirs}, ours {value}"


@pytest.mark.parametrize("name", ["sgd", "adam", "rmsprop"])
def test_a_learning_rate_sweep_matches_torch_run_by_run(name):
    lrs = np.array([1e-3, 1e-2, 5e-2])
    swept = run(make(name, lr=lrs[:, None]), Wobbly(), X0, 60).points
    for b, lr in enumerate(lrs):
        want, _ = torch_path(name, {"lr": float(lr)}, X0, 60)
        np.testing.assert_allclose(swept[:, b], want, rtol=1e-9, atol=1e-12)


# A per-step learning rate: torch's param_groups[0]["lr"] set before every step.
def scheduled_rates(lr0, steps):
    """Cosine annealing with T_max = 120 over 300 steps: down to 0 at step 121, back up
    and down again, so the rate changes at every step and passes through 0."""
    from core.schedules import lr_sequence
    return lr_sequence("cosine_annealing_lr", lr0, steps, T_max=120)


def torch_path_scheduled(name, hp, x0, lrs):
    p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, TORCH[name])([p], foreach=False, **hp)
    points, grads = [p.detach().numpy().copy()], []
    for lr in lrs:
        opt.param_groups[0]["lr"] = float(lr)
        grads.append(Wobbly().grad(points[-1]))
        p.grad = torch.from_numpy(grads[-1].copy())
        opt.step()
        points.append(p.detach().numpy().copy())
    return np.array(points), np.array(grads)


@pytest.mark.parametrize("case", CONFIGS, ids=case_id)
def test_matches_torch_when_the_groups_lr_changes_every_step(case):
    name, hp = case
    ours = make(name, **hp)
    lrs = scheduled_rates(ours.hparams["lr"], STEPS)
    want, grads = torch_path_scheduled(name, hp, X0, lrs)
    got = replay(ours, X0, grads, lrs)
    err = np.max(np.abs(got - want)) / np.max(np.abs(want))
    assert err < 1e-12, f"{name} {hp}: largest gap to torch {err:.2e} (relative to |x|max)"
    constant = replay(ours, X0, grads)
    assert np.max(np.abs(constant - want)) > 1e3 * err, "the schedule changed nothing"


@pytest.mark.parametrize("name", ["sgd", "adagrad", "adam", "adamw"])
def test_a_scheduled_sweep_matches_torch_rate_by_rate(name):
    """lr of shape (3, 1): each row follows torch with its own scheduled rates."""
    hp = {"momentum": 0.9} if name == "sgd" else {"lr_decay": 0.05} if name == "adagrad" else {}
    base = np.array([[0.01], [0.05], [0.2]])
    lrs = scheduled_rates(base, 80)                    # (80, 3, 1)
    x = np.broadcast_to(X0, (3, 3))
    want = [torch_path_scheduled(name, {**hp, "lr": float(b)}, X0, lrs[:, i, 0])
            for i, b in enumerate(base[:, 0])]
    grads = np.stack([g for _, g in want], axis=1)      # (80, 3, 3)
    got = replay(make(name, lr=base, **hp), x, grads, lrs)
    for i in range(3):
        np.testing.assert_allclose(got[:, i], want[i][0], rtol=1e-12, atol=1e-14)
