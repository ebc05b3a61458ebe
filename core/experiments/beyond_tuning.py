r"""Tuned comparisons behind the guide's "beyond Adam" reasons, on the app's network.

Every contender trains :mod:`core.problems.mlp`'s network (two moons, 200 points,
noise 0.3, 16 tanh units, θ of 65 weights) for :data:`STEPS` steps from the same θ₀,
at every rate of :data:`LR_GRID` at once (``lr`` of shape (n, 1)), and is judged at the
rate the app's tuning rule picks (:mod:`core.training.sweep`: stable runs only, lowest
mean log10 loss). Everything else is the rule's torch (or reference-package) default.

Kinds (:data:`KINDS`):

* ``adamw``: AdamW on θ, full-batch (the yardstick of Adafactor, Lion and Muon);
* ``adafactor``: torch's Adafactor per tensor, as torch applies it to a network: W₁
  on the factored (matrix) path, b₁, w₂, b₂ each on the vector path;
* ``lion``: Lion on θ; ``muon``: Muon on W₁ (rate swept) with AdamW on b₁, w₂, b₂ at
  AdamW's own tuned rate (:func:`core.optimizers.groups.mlp_muon`);
* ``adamw_batch``, ``adamw_cosine``, ``schedule_free``: the Schedule-Free comparison on
  mini-batches of :data:`BATCH` (the same batches for every run): AdamW at a constant
  rate, AdamW under torch's CosineAnnealingLR over the whole run, and Schedule-Free
  AdamW at a constant rate. Schedule-Free's loss is measured at its averaged point
  x_t (:func:`core.optimizers.schedule_free_eval_point`), where it reports, every step:

  .. math::

      \text{score}(\eta) = \frac{1}{T+1}\sum_{k=0}^{T} \log_{10} L\bigl(x_k(\eta)\bigr),
      \qquad \eta^* = \arg\min_{\eta\ \text{stable}} \text{score}(\eta)

  (:func:`sweep_at`, the tuning rule of :func:`core.training.sweep.sweep_lr` with the
  loss read at a point of the optimizer's choosing).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.optimizers import make, schedule_free_eval_point
from core.optimizers.groups import Group, grouped, mlp_layout, mlp_muon
from core.problems.mlp import make_mlp_problem
from core.schedules import Schedule
from core.training.sweep import best_index, lr_grid, sweep_lr, tuning_score

NET = {"dataset": "moons", "n": 200, "hidden": 16, "noise": 0.3}
STEPS = 300
BATCH = 32
LR_GRID = lr_grid(1e-4, 10.0, 21)          # 4 rates per decade
COSINE = Schedule("cosine_annealing_lr")    # T_max = the run's length, η → 0 at the end
KINDS: tuple[str, ...] = ("adamw", "adafactor", "lion", "muon",
                          "adamw_batch", "adamw_cosine", "schedule_free")
BATCHED: tuple[str, ...] = ("adamw_batch", "adamw_cosine", "schedule_free")


class Tuned(NamedTuple):
    """One contender swept over ``lrs``: ``final`` (n,) loss after STEPS steps at each rate,
    ``stable`` (n,), ``best`` the rate the tuning rule picks (-1: none stable) and
    ``curve`` (STEPS + 1,) the loss at every step at that rate."""

    kind: str
    lrs: np.ndarray
    final: np.ndarray
    stable: np.ndarray
    best: int
    curve: np.ndarray

    @property
    def lr(self) -> float:
        return float(self.lrs[self.best])

    @property
    def loss(self) -> float:
        """The final loss at the tuned rate."""
        return float(self.final[self.best])

    @property
    def at_edge(self) -> bool:
        return self.best in (0, len(self.lrs) - 1)


def network(seed: int = 0, batch_size: int | None = None):
    """The network all comparisons train (:data:`NET`), full-batch unless ``batch_size``."""
    return make_mlp_problem(NET["dataset"], n=NET["n"], hidden=NET["hidden"], seed=seed,
                            noise=NET["noise"], batch_size=batch_size)


def adafactor_net(lr, hidden: int = NET["hidden"]):
    """torch's Adafactor on each tensor of the network: W₁ (stored (H, 2) as torch's
    ``nn.Linear(2, H).weight``) factored, b₁, w₂, b₂ on the vector path. ``lr`` is a
    number or an array shaped (..., 1) against θ."""
    lr_w = lr[..., None] if isinstance(lr, np.ndarray) else lr
    layout = mlp_layout(hidden)
    index, shape = layout["W1"]
    groups = [Group("W1", index, shape, make("adafactor", lr=lr_w, matrix=True), transpose=True)]
    groups += [Group(k, *layout[k], make("adafactor", lr=lr)) for k in ("b1", "w2", "b2")]
    return grouped(groups, name="adafactor")


def tuned(kind: str, seed: int = 0, adamw_lr: float | None = None) -> Tuned:
    """Sweep contender ``kind`` over :data:`LR_GRID` (see the module docstring).

    ``muon`` trains b₁, w₂, b₂ with AdamW at ``adamw_lr`` (default: AdamW's tuned rate)."""
    if kind not in KINDS:
        raise ValueError(f"unknown contender {kind!r}; choose one of {', '.join(KINDS)}")
    pb = network(seed, BATCH if kind in BATCHED else None)
    if kind == "schedule_free":
        return sweep_at(lambda lr: make("schedule_free_adamw", lr=lr), pb, kind,
                        eval_point=schedule_free_eval_point)
    maker, schedule = make, COSINE if kind == "adamw_cosine" else None
    name = "adamw" if kind.startswith("adamw") else kind
    if kind == "adafactor":
        def maker(_, lr):
            return adafactor_net(lr)
    elif kind == "muon":
        rest = tuned("adamw", seed).lr if adamw_lr is None else float(adamw_lr)

        def maker(_, lr):
            return mlp_muon(NET["hidden"], muon={"lr": lr}, rest_hparams={"lr": rest})
    sw = sweep_lr(name, {}, pb, pb.theta0, STEPS, LR_GRID, maker=maker, schedule=schedule)
    losses = sw.trajectory.losses
    return Tuned(kind, LR_GRID, sw.final_loss, sw.stable, sw.best,
                 losses[:, max(sw.best, 0)].copy())


def sweep_at(build, pb, kind: str = "custom", *, eval_point=None, steps: int = STEPS,
             lrs=LR_GRID) -> Tuned:
    """The tuning rule on losses read at ``eval_point(state)`` (None: the iterate itself).

    One batched loop over ``build(lr)`` with lr of shape (n, 1) on ``pb``'s mini-batches;
    a rate is unstable where its loss or point stops being finite or |θ| passes the
    network's bound, or its loss ever exceeds the start's (the rule of sweep_lr).
    """
    lrs = np.asarray(lrs, dtype=float)
    opt = build(lrs[:, None])
    y = np.array(np.broadcast_to(pb.theta0, (len(lrs), len(pb.theta0))))
    state, ok = opt.init(y), np.ones(len(lrs), dtype=bool)
    curve = np.empty((steps + 1, len(lrs)))
    with np.errstate(all="ignore"):
        curve[0] = pb.f(y)
        for k in range(steps):
            u, state = opt.update(pb.batch_grad(y, k), state, y)
            y = y + u
            point = y if eval_point is None else eval_point(state)
            ok &= np.all(np.isfinite(point) & (np.abs(point) <= pb.bound), axis=-1)
            curve[k + 1] = np.where(ok, pb.f(np.where(ok[:, None], point, pb.theta0)), np.inf)
    diverged = np.where(ok, -1, 0)
    finite = np.where(np.isfinite(curve), curve, curve[0])
    score, stable = tuning_score(finite, diverged, min(0.0, float(finite.min())))
    best = best_index(score, stable)
    return Tuned(kind, lrs, finite[-1], stable, best, finite[:, max(best, 0)].copy())
